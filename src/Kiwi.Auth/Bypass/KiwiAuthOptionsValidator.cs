using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth;

/// <summary>
/// Checks the options when the application starts, and names the setting to change when one is wrong. Above all,
/// it refuses the local bypass outside Development and <c>local</c>.
/// </summary>
internal sealed class KiwiAuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<KiwiAuthOptions>
{
    public const string LocalEnvironment = "local";

    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>Polly's longest timeout, sampling window and break.</summary>
    private static readonly TimeSpan MaximumPollyDuration = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, KiwiAuthOptions options)
    {
        var failures = new List<string>();

        if (options.LocalBypass.Enabled && !IsLocal(environment))
        {
            failures.Add(
                $"KiwiAuth:LocalBypass:Enabled is true in the '{environment.EnvironmentName}' environment. "
                + "The bypass authenticates every request without kiwi-user and is allowed only in Development "
                + "or 'local'. Set KiwiAuth:LocalBypass:Enabled to false.");
        }

        var baseUrlMissing = !options.LocalBypass.Enabled && NeedsBaseUrl(options) && options.BaseUrl is null;
        if (baseUrlMissing || (options.BaseUrl is not null && !IsKiwiUserAddress(options.BaseUrl)))
        {
            // The value is not repeated: it may hold a password.
            failures.Add("KiwiAuth:BaseUrl must be kiwi-user's absolute http or https URL, without query, fragment "
                + "or user info, such as https://user.example.com/.");
        }

        if (options.LocalBypass.Enabled && string.IsNullOrWhiteSpace(options.LocalBypass.UserId))
        {
            failures.Add("KiwiAuth:LocalBypass:UserId must not be empty.");
        }

        AddValueFailures(options, failures);
        AddRangeFailures(options, failures);
        AddResilienceFailures(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(LocalEnvironment);

    private static bool NeedsBaseUrl(KiwiAuthOptions options) =>
        options.Mode == KiwiAuthMode.Remote || string.IsNullOrWhiteSpace(options.PublicKeyPem);

    /// <summary>Calls go to the base URL's path; a query, a fragment or user info would be dropped silently.
    /// </summary>
    private static bool IsKiwiUserAddress(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.Query.Length == 0 && url.Fragment.Length == 0 && url.UserInfo.Length == 0;

    /// <summary>Values that configuration binds without complaint but that would refuse every token.</summary>
    private static void AddValueFailures(KiwiAuthOptions options, List<string> failures)
    {
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"KiwiAuth:Mode must be Remote or Local; it was {options.Mode}.");
        }

        if (!Enum.IsDefined(options.ErrorFormat))
        {
            failures.Add($"KiwiAuth:ErrorFormat must be KiwiEnvelope or ProblemDetails; it was {options.ErrorFormat}.");
        }

        if (options.Applications is null
            || options.Applications.Any(a => string.IsNullOrWhiteSpace(a) || a.Trim().Length != a.Length))
        {
            failures.Add("KiwiAuth:Applications must hold application names without surrounding spaces; an empty "
                + "list accepts any application.");
        }
    }

    private static void AddRangeFailures(KiwiAuthOptions options, List<string> failures)
    {
        if (options.CacheDuration < TimeSpan.Zero)
        {
            failures.Add($"KiwiAuth:CacheDuration must not be negative; it was {options.CacheDuration}.");
        }

        // A valid verdict never outlives the token's exp; an invalid one has only this bound.
        if (options.NegativeCacheDuration < TimeSpan.Zero || options.NegativeCacheDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"KiwiAuth:NegativeCacheDuration must be between 0 and 1 day; it was "
                + $"{options.NegativeCacheDuration}.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"KiwiAuth:ClockSkew must be between 0 and 5 minutes; it was {options.ClockSkew}.");
        }

        if (options.RetryAfter < TimeSpan.Zero || options.RetryAfter > TimeSpan.FromDays(1))
        {
            failures.Add($"KiwiAuth:RetryAfter must be between 0 and 1 day; it was {options.RetryAfter}.");
        }

        if (options.MaxTokenLength is < 64 or > 1024 * 1024)
        {
            failures.Add($"KiwiAuth:MaxTokenLength must be between 64 and 1048576; it was {options.MaxTokenLength}.");
        }
    }

    /// <summary>The bounds Polly itself enforces, checked here so that the message names the KiwiAuth setting.
    /// </summary>
    private static void AddResilienceFailures(KiwiAuthOptions options, List<string> failures)
    {
        if (options.Timeout < MinimumTimeout || options.TotalTimeout < options.Timeout)
        {
            failures.Add($"KiwiAuth:Timeout ({options.Timeout}) must be at least {MinimumTimeout} and at most "
                + $"KiwiAuth:TotalTimeout ({options.TotalTimeout}).");
        }

        if (options.TotalTimeout > MaximumPollyDuration)
        {
            failures.Add($"KiwiAuth:TotalTimeout must be at most {MaximumPollyDuration}; it was "
                + $"{options.TotalTimeout}.");
        }

        if (options.Retries is < 0 or > 10)
        {
            failures.Add($"KiwiAuth:Retries must be between 0 and 10; it was {options.Retries}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"KiwiAuth:RetryDelay must be between 0 and 1 minute; it was {options.RetryDelay}.");
        }

        var breaker = options.CircuitBreaker;
        if (breaker is null)
        {
            failures.Add("KiwiAuth:CircuitBreaker must not be null.");
            return;
        }

        if (breaker.FailureRatio is <= 0 or > 1 || double.IsNaN(breaker.FailureRatio))
        {
            failures.Add($"KiwiAuth:CircuitBreaker:FailureRatio must be above 0 and at most 1; it was "
                + $"{breaker.FailureRatio}.");
        }

        if (breaker.MinimumThroughput < 2)
        {
            failures.Add($"KiwiAuth:CircuitBreaker:MinimumThroughput must be at least 2; it was "
                + $"{breaker.MinimumThroughput}.");
        }

        if (!IsBreakerWindow(breaker.SamplingDuration) || !IsBreakerWindow(breaker.BreakDuration))
        {
            failures.Add($"KiwiAuth:CircuitBreaker:SamplingDuration ({breaker.SamplingDuration}) and "
                + $"KiwiAuth:CircuitBreaker:BreakDuration ({breaker.BreakDuration}) must be between "
                + $"{MinimumBreakerWindow} and {MaximumPollyDuration}.");
        }
    }

    private static bool IsBreakerWindow(TimeSpan duration) =>
        duration >= MinimumBreakerWindow && duration <= MaximumPollyDuration;
}
