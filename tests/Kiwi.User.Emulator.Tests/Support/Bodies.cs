using System.Text.Json;

namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>Request bodies for the kiwi-user endpoints.</summary>
public static class Bodies
{
    public const string Alice = "1864213360487714901";
    public const string Bob = "1864213360487714902";
    public const string DemoOrg = "5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f";

    public static object Device(string id = "device-1", string type = "web") =>
        new { device_type = type, device_id = id };

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string Refresh(string userId, string refreshToken, string deviceId = "device-1") =>
        Json(new { user_id = userId, refresh_token = refreshToken, device = Device(deviceId) });

    public static string Refresh(JsonElement login, string deviceId = "device-1") =>
        Refresh(login.GetProperty("user_id").GetString()!, login.GetProperty("refresh_token").GetString()!, deviceId);

    public static string OrganizationLogin(JsonElement login, string organizationId, string deviceId = "device-1") =>
        Json(new
        {
            organization_id = organizationId,
            user_id = login.GetProperty("user_id").GetString(),
            refresh_token = login.GetProperty("refresh_token").GetString(),
            device = Device(deviceId),
        });

    public static string Verify(string token) => Json(new { access_token = token });

    public static string AccessToken(this JsonElement login) => login.GetProperty("access_token").GetString()!;

    public static string RefreshToken(this JsonElement login) => login.GetProperty("refresh_token").GetString()!;
}
