namespace Kiwi.Auth.Telemetry;

/// <summary>The values of the <c>operation</c> tag of <c>kiwi_auth.kiwi_user.duration</c>.</summary>
internal static class KiwiUserCallOperations
{
    public const string Verify = "verify";

    public const string PublicKey = "public_key";

    public const string Ping = "ping";

    public const string Other = "other";

    /// <summary>The operation of a request to kiwi-user, from its path; never from anything the request carries.
    /// </summary>
    public static string Of(Uri? uri)
    {
        var path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : uri?.OriginalString ?? "";
        if (path.EndsWith("/v1/token/verify", StringComparison.Ordinal))
        {
            return Verify;
        }

        if (path.EndsWith("/v1/token/publickey", StringComparison.Ordinal))
        {
            return PublicKey;
        }

        return path.EndsWith("/ping", StringComparison.Ordinal) ? Ping : Other;
    }
}
