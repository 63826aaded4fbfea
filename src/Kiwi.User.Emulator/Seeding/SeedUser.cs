using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator;

/// <summary>A user and the ways it can log in.</summary>
public sealed record SeedUser
{
    /// <summary>The user id: a snowflake decimal string such as <c>1864213360487714816</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The application the user belongs to.</summary>
    [JsonPropertyName("application")]
    public required string Application { get; init; }

    /// <summary>The user name, used by password login.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The display name; when set, user info shows it instead of the user name.</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; set; } = "";

    /// <summary>The password; empty means no password binding, so password login answers "user not found".</summary>
    [JsonPropertyName("password")]
    public string Password { get; set; } = "";

    /// <summary>The avatar's address.</summary>
    [JsonPropertyName("avatar")]
    public string Avatar { get; set; } = "";

    /// <summary>The department.</summary>
    [JsonPropertyName("department")]
    public string Department { get; set; } = "";

    /// <summary>The personal role (a name from <see cref="EmulatorSeed.Roles"/>); empty for none.</summary>
    [JsonPropertyName("role")]
    public string Role { get; set; } = "";

    /// <summary>The verified phone binding, used by phone-code login; empty for none.</summary>
    [JsonPropertyName("phone")]
    public string Phone { get; set; } = "";

    /// <summary>The email binding, used by email-code login; user info does not show it.</summary>
    [JsonPropertyName("email")]
    public string Email { get; set; } = "";

    /// <summary>The email of the Google binding; user info shows this one.</summary>
    [JsonPropertyName("google_email")]
    public string GoogleEmail { get; set; } = "";

    /// <summary>Google OAuth codes that log this user in at <c>/v1/login/google/web</c>.</summary>
    [JsonPropertyName("google_codes")]
    public IReadOnlyList<string> GoogleCodes { get; set; } = [];

    /// <summary>
    /// WeChat codes that log this user in at <c>/v1/login/wechat/miniprogram</c> and <c>/wechat/web</c>.
    /// </summary>
    [JsonPropertyName("wechat_codes")]
    public IReadOnlyList<string> WeChatCodes { get; set; } = [];

    /// <summary>The user's organizations, in order.</summary>
    [JsonPropertyName("organizations")]
    public IReadOnlyList<SeedMembership> Organizations { get; set; } = [];
}
