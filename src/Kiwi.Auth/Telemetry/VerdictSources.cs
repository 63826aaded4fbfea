namespace Kiwi.Auth.Telemetry;

/// <summary>The values of the <c>source</c> tag: where a request's verdict came from.</summary>
internal static class VerdictSources
{
    /// <summary>The verdict cache.</summary>
    public const string Cache = "cache";

    /// <summary>kiwi-user's <c>POST /v1/token/verify</c>.</summary>
    public const string Remote = "remote";

    /// <summary>The in-process RS256 check with kiwi-user's public key.</summary>
    public const string Local = "local";

    /// <summary>The local-development bypass, which lets every request in.</summary>
    public const string Bypass = "bypass";

    /// <summary>The cheap checks before the cache and the validator: header, format, length, algorithm, type and
    /// expiry. No call, no cache entry.</summary>
    public const string Precheck = "precheck";

    public static string Of(KiwiAuthMode mode) => mode == KiwiAuthMode.Local ? Local : Remote;
}
