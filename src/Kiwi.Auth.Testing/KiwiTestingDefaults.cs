namespace Kiwi.Auth.Testing;

/// <summary>Names and values the test helpers use.</summary>
public static class KiwiTestingDefaults
{
    /// <summary>The application test tokens are issued for by default.</summary>
    public const string Application = "kiwi-test";

    /// <summary>How long a test token lives by default: ten minutes, as kiwi-user's.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);
}
