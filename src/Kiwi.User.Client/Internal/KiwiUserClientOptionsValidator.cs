using Microsoft.Extensions.Options;

namespace Kiwi.User.Client.Internal;

/// <summary>Checks the client's options at start, naming the setting to fix.</summary>
internal sealed class KiwiUserClientOptionsValidator : IValidateOptions<KiwiUserClientOptions>
{
    public ValidateOptionsResult Validate(string? name, KiwiUserClientOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add("KiwiUser:BaseUrl must be an absolute URL.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"KiwiUser:AttemptTimeout ({options.AttemptTimeout}) must be positive and at most "
                + $"KiwiUser:TotalTimeout ({options.TotalTimeout}).");
        }

        if (options.Retries is < 0 or > 10)
        {
            failures.Add($"KiwiUser:Retries ({options.Retries}) must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"KiwiUser:RetryDelay ({options.RetryDelay}) must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
