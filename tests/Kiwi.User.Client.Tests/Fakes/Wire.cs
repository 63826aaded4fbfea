using Kiwi.User.Client.Models;

namespace Kiwi.User.Client.Tests.Fakes;

/// <summary>kiwi-user answers in their wire form.</summary>
internal static class Wire
{
    public const string UserId = "1864213360487714816";
    public const string RefreshToken = "0123456789abcdef0123456789abcdef01234567";

    public static readonly KiwiDevice Device = new("web", "device-1");

    public static string Login(string accessToken = "a.b.c", long accessExpiresAt = 1_800_000_600) =>
        $$"""
        {"refresh_token":"{{RefreshToken}}","refresh_token_expires_at":1800086400,"access_token":"{{accessToken}}",
        "access_token_expires_at":{{accessExpiresAt}},"type":"Bearer","device_type":"web","device_id":"device-1",
        "user_id":"{{UserId}}"}
        """;

    public const string UserInfo = """
        {"id":"1864213360487714816","application":"kiwi-demo","name":"Alice","avatar":"","phone":"","email":"",
        "personal_role":"member","personal_scopes":["read"],"current_org_id":"","orgs":null,"department":"R&D"}
        """;

    public const string Success = """{"success":true}""";

    public static KiwiUserClient Client(RecordingHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://kiwi.test/base/") });
}
