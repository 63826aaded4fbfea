using System.Net;
using System.Text.Json;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>
/// Contract 7.6: logout with the access token, refresh_token and device expires only that refresh token; a repeat
/// is 403; the access token keeps working.
/// </summary>
public sealed class Rule06LogoutTests : EmulatorTest
{
    [Fact]
    public async Task Logout_expires_only_that_device_and_a_second_logout_is_403()
    {
        var laptop = await Http.LoginAsync("alice", "alice-password", deviceId: "laptop");
        var phone = await Http.LoginAsync("alice", "alice-password", deviceId: "phone");
        var access = laptop.GetProperty("access_token").GetString()!;
        var logoutBody = JsonSerializer.Serialize(new
        {
            refresh_token = laptop.GetProperty("refresh_token").GetString(),
            device = new { device_type = "web", device_id = "laptop" },
            user_id = "ignored",
        });

        var logout = await Http.PostAsync("/v1/user/logout", logoutBody, access);
        var again = await Http.PostAsync("/v1/user/logout", logoutBody, access);
        var laptopRefresh = await Http.PostAsync("/v1/token/refresh", RefreshBody(laptop, "laptop"));
        var phoneRefresh = await Http.PostAsync("/v1/token/refresh", RefreshBody(phone, "phone"));

        Assert.Equal("{\"status\":\"success\",\"error\":null,\"data\":{\"success\":true}}", logout.Body);
        Assert.Equal("Forbidden: invalid refresh token", again.Msg);
        Assert.Equal("Forbidden: invalid refresh token", laptopRefresh.Msg);
        Assert.Equal(HttpStatusCode.OK, phoneRefresh.Status);
    }

    [Fact]
    public async Task The_access_token_keeps_working_after_logout()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var access = login.GetProperty("access_token").GetString()!;
        var logoutBody = JsonSerializer.Serialize(new
        {
            refresh_token = login.GetProperty("refresh_token").GetString(),
            device = new { device_type = "web", device_id = "device-1" },
        });
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("/v1/user/logout", logoutBody, access)).Status);

        var info = await Http.GetAsync("/v1/user/info", access);
        var verify = await Http.PostAsync("/v1/token/verify", Bodies.Verify(access));

        Assert.Equal(HttpStatusCode.OK, info.Status);
        Assert.True(verify.Data.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Logout_of_an_unknown_device_is_403_device_not_found()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var body = JsonSerializer.Serialize(new
        {
            refresh_token = login.GetProperty("refresh_token").GetString(),
            device = new { device_type = "web", device_id = "elsewhere" },
        });

        var answer = await Http.PostAsync("/v1/user/logout", body, login.GetProperty("access_token").GetString());

        Assert.Equal("Forbidden: device not found", answer.Msg);
    }

    [Fact]
    public async Task Logout_checks_device_then_refresh_token_then_that_the_user_exists()
    {
        var login = await Http.LoginAsync("bob", "bob-password");
        var access = login.AccessToken();
        Assert.True(Control.RemoveUser(Bodies.Bob));

        var noDevice = await Http.PostAsync("/v1/user/logout",
            Bodies.Json(new { refresh_token = login.RefreshToken(), device = Bodies.Device("other") }), access);
        var wrongToken = await Http.PostAsync("/v1/user/logout",
            Bodies.Json(new { refresh_token = "nope", device = Bodies.Device() }), access);
        var userGone = await Http.PostAsync("/v1/user/logout",
            Bodies.Json(new { refresh_token = login.RefreshToken(), device = Bodies.Device() }), access);

        Assert.Equal("Forbidden: device not found", noDevice.Msg);
        Assert.Equal("Forbidden: invalid refresh token", wrongToken.Msg);
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden: user not found"), (userGone.Status, userGone.Msg));
    }

    private static string RefreshBody(JsonElement login, string deviceId) =>
        Bodies.Refresh(login, deviceId);
}
