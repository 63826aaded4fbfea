namespace Kiwi.Auth.Testing;

/// <summary>Names the test helpers use.</summary>
public static class KiwiTestingDefaults
{
    /// <summary>The application test tokens are issued for by default.</summary>
    public const string Application = "kiwi-test";
}
