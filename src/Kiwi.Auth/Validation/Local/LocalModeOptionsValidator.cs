using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Validation.Local;

/// <summary>Checks the local-mode settings at startup and names the one to change.</summary>
internal sealed class LocalModeOptionsValidator : IValidateOptions<KiwiAuthOptions>
{
    /// <summary>Timers take at most about 49 days; a key a month old is stale enough.</summary>
    public static readonly TimeSpan MaxKeyRefreshInterval = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, KiwiAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode != KiwiAuthMode.Local)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicKeyPem)
            && !KiwiPublicKeyPem.TryRead(options.PublicKeyPem, out _, out var problem))
        {
            failures.Add($"KiwiAuth:PublicKeyPem must be {KiwiPublicKeyPem.ExpectedFormat}, but {problem}.");
        }

        if (options.KeyRefreshInterval <= TimeSpan.Zero || options.KeyRefreshInterval > MaxKeyRefreshInterval)
        {
            failures.Add($"KiwiAuth:KeyRefreshInterval must be positive and at most {MaxKeyRefreshInterval.TotalDays} "
                + $"days; it was {options.KeyRefreshInterval}.");
        }

        if (options.KeyRefetchInterval <= TimeSpan.Zero)
        {
            failures.Add($"KiwiAuth:KeyRefetchInterval must be positive; it was {options.KeyRefetchInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
