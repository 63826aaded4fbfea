using System.Net;
using System.Text.Json;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

/// <summary>Contract rules 4 and 5: refresh and per-device sessions.</summary>
public sealed class SessionTests : EmulatorTest
{
    private const string Alice = "1864213360487714901";

    [Fact]
    public async Task Refresh_returns_a_new_access_token_with_the_same_refresh_token_and_expiry()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        var answer = await Http.PostAsync("/v1/token/refresh", RefreshBody(login));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(login.RefreshToken(), answer.Data.RefreshToken());
        Assert.Equal(login.GetProperty("refresh_token_expires_at").GetInt64(),
            answer.Data.GetProperty("refresh_token_expires_at").GetInt64());
        Assert.StartsWith("{\"refresh_token\":", answer.Data.GetRawText());
    }

    [Fact]
    public async Task Refresh_checks_user_then_device_then_token()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var token = login.GetProperty("refresh_token").GetString()!;

        var unknownUser = await Http.PostAsync("/v1/token/refresh", RefreshBody("42", "nope", "other"));
        var unknownDevice = await Http.PostAsync("/v1/token/refresh", RefreshBody(Alice, "nope", "other"));
        var wrongToken = await Http.PostAsync("/v1/token/refresh", RefreshBody(Alice, "nope", "device-1"));
        var right = await Http.PostAsync("/v1/token/refresh", RefreshBody(Alice, token, "device-1"));

        Assert.Equal("Forbidden: user not found", unknownUser.Msg);
        Assert.Equal("Forbidden: device not found", unknownDevice.Msg);
        Assert.Equal("Forbidden: invalid refresh token", wrongToken.Msg);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.Status);
        Assert.Equal(20005, wrongToken.Code);
        Assert.Equal(HttpStatusCode.OK, right.Status);
    }

    [Fact]
    public async Task A_new_login_on_a_device_kills_its_old_refresh_token_but_not_other_devices()
    {
        var first = await Http.LoginAsync("alice", "alice-password", deviceId: "laptop");
        var other = await Http.LoginAsync("alice", "alice-password", deviceId: "phone");
        var second = await Http.LoginAsync("alice", "alice-password", deviceId: "laptop");

        var old = await Http.PostAsync("/v1/token/refresh", RefreshBody(first, "laptop"));
        var current = await Http.PostAsync("/v1/token/refresh", RefreshBody(second, "laptop"));
        var phone = await Http.PostAsync("/v1/token/refresh", RefreshBody(other, "phone"));

        Assert.Equal("Forbidden: invalid refresh token", old.Msg);
        Assert.Equal(HttpStatusCode.OK, current.Status);
        Assert.Equal(HttpStatusCode.OK, phone.Status);
    }

    private static string RefreshBody(JsonElement login, string deviceId = "device-1") =>
        RefreshBody(login.GetProperty("user_id").GetString()!, login.GetProperty("refresh_token").GetString()!,
            deviceId);

    private static string RefreshBody(string userId, string refreshToken, string deviceId) =>
        JsonSerializer.Serialize(new
        {
            user_id = userId,
            refresh_token = refreshToken,
            device = new { device_type = "web", device_id = deviceId },
        });
}
