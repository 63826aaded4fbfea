using System.Text.Json;
using Kiwi.User.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.User.Emulator.Tests;

public sealed class LifetimeTests : EmulatorTest
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));

    protected override KiwiUserEmulatorOptions CreateOptions() => new()
    {
        AccessTokenLifetime = TimeSpan.FromSeconds(60),
        RefreshTokenLifetime = TimeSpan.FromSeconds(3600),
        TimeProvider = _time,
        SigningKeyPem = TestKeys.Pkcs1Pem,
    };

    [Fact]
    public async Task Lifetimes_are_configurable_and_read_from_the_time_provider()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        var start = _time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(start + 60, login.GetProperty("access_token_expires_at").GetInt64());
        Assert.Equal(start + 3600, login.GetProperty("refresh_token_expires_at").GetInt64());
    }

    [Fact]
    public async Task A_token_passes_until_exp_and_fails_after_it()
    {
        var token = (await Http.LoginAsync("alice", "alice-password")).GetProperty("access_token").GetString()!;
        var body = JsonSerializer.Serialize(new { access_token = token });

        _time.Advance(TimeSpan.FromSeconds(60));
        var atExp = await Http.PostAsync("/v1/token/verify", body);
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterExp = await Http.PostAsync("/v1/token/verify", body);

        Assert.True(atExp.Data.GetProperty("success").GetBoolean());
        Assert.False(afterExp.Data.GetProperty("success").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await Http.GetAsync("/v1/user/info", token)).Status);
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var body = JsonSerializer.Serialize(new
        {
            user_id = login.GetProperty("user_id").GetString(),
            refresh_token = login.GetProperty("refresh_token").GetString(),
            device = new { device_type = "web", device_id = "device-1" },
        });

        _time.Advance(TimeSpan.FromSeconds(3600));
        var answer = await Http.PostAsync("/v1/token/refresh", body);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden: invalid refresh token", answer.Msg);
    }
}
