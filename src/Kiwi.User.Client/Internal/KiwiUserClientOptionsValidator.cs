using Microsoft.Extensions.Options;

namespace Kiwi.User.Client.Internal;

/// <summary>Checks the client's options at start, naming the setting to fix.</summary>
internal sealed class KiwiUserClientOptionsValidator : IValidateOptions<KiwiUserClientOptions>
{
    /// <summary>Polly's shortest timeout.</summary>
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>Polly's longest timeout, delay and breaker window.</summary>
    private static readonly TimeSpan MaximumPollyDuration = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, KiwiUserClientOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is not { } baseUrl || !IsKiwiUserAddress(baseUrl))
        {
            // The value is not repeated: it may hold a password.
            failures.Add("KiwiUser:BaseUrl must be an absolute http or https URL, without query, fragment or user "
                + "info.");
        }

        // The breaker samples twice the attempt timeout, and Polly refuses a window above a day.
        if (options.AttemptTimeout < MinimumTimeout || options.AttemptTimeout > options.TotalTimeout
            || options.AttemptTimeout > MaximumPollyDuration / 2)
        {
            failures.Add($"KiwiUser:AttemptTimeout ({options.AttemptTimeout}) must be between {MinimumTimeout} and "
                + $"{MaximumPollyDuration / 2}, and at most KiwiUser:TotalTimeout ({options.TotalTimeout}).");
        }

        if (options.TotalTimeout > MaximumPollyDuration)
        {
            failures.Add($"KiwiUser:TotalTimeout ({options.TotalTimeout}) must be at most {MaximumPollyDuration}.");
        }

        if (options.Retries is < 0 or > 10)
        {
            failures.Add($"KiwiUser:Retries ({options.Retries}) must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > MaximumPollyDuration)
        {
            failures.Add($"KiwiUser:RetryDelay ({options.RetryDelay}) must be between 0 and {MaximumPollyDuration}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Calls go to the base URL's path; a query, a fragment or user info would be dropped silently.
    /// </summary>
    private static bool IsKiwiUserAddress(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0;
}
