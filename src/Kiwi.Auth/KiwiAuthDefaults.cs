namespace Kiwi.Auth;

/// <summary>Names Kiwi.Auth registers under.</summary>
public static class KiwiAuthDefaults
{
    /// <summary>The authentication scheme's name: <c>Kiwi</c>.</summary>
    public const string AuthenticationScheme = "Kiwi";

    /// <summary>The configuration section <c>AddKiwiAuth()</c> binds: <c>KiwiAuth</c>.</summary>
    public const string SectionName = "KiwiAuth";

    /// <summary>The name of Kiwi.Auth's own <see cref="HttpClient"/> for verify and public-key calls.</summary>
    public const string HttpClientName = "Kiwi.Auth";
}
