namespace Kiwi.Auth;

/// <summary>
/// The local-development bypass: every request is authenticated as one configured user without calling kiwi-user.
/// Only allowed when the host environment is Development or <c>local</c>; anywhere else the application refuses
/// to start.
/// </summary>
public sealed class KiwiLocalBypassOptions
{
    /// <summary>Turns the bypass on. Default: <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The user id every request gets. Default: <c>test_user</c>.</summary>
    public string UserId { get; set; } = "test_user";

    /// <summary>The user's application. Default: <c>local</c>.</summary>
    public string Application { get; set; } = "local";

    /// <summary>The user's personal role. Default: empty (no role).</summary>
    public string Role { get; set; } = "";

    /// <summary>The role's scopes. Default: none.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>The organization id. Default: empty (no organization).</summary>
    public string OrganizationId { get; set; } = "";
}
