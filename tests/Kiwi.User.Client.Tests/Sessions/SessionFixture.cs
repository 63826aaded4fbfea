using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kiwi.User.Client.Tests.Sessions;

/// <summary>A session manager over a mocked client, a fake clock and the in-memory store.</summary>
internal sealed class SessionFixture
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    public static readonly KiwiDevice Device = new("web", "device-1");

    public SessionFixture()
    {
        Manager = new KiwiSessionManager(Client.Object, Store, Options.Create(new KiwiSessionOptions()), Clock);
        Manager.SessionEnded += (_, e) => Ended.Add(e);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public Mock<IKiwiUserClient> Client { get; } = new(MockBehavior.Strict);

    public InMemoryKiwiSessionStore Store { get; } = new();

    public KiwiSessionManager Manager { get; }

    public List<KiwiSessionEndedEventArgs> Ended { get; } = [];

    public static DateTimeOffset AccessExpiry => Start.AddSeconds(600);

    public static LoginResult Login(string accessToken, DateTimeOffset accessExpiresAt) => new()
    {
        UserId = "1864213360487714816",
        AccessToken = accessToken,
        AccessTokenExpiresAt = accessExpiresAt.ToUnixTimeSeconds(),
        RefreshToken = "0123456789abcdef0123456789abcdef01234567",
        RefreshTokenExpiresAt = Start.AddDays(1).ToUnixTimeSeconds(),
        DeviceType = Device.DeviceType,
        DeviceId = Device.DeviceId,
    };

    public Task<KiwiSession> StartAsync(string key = "s1") =>
        Manager.StartAsync(key, Login("token-1", AccessExpiry));

    public void RefreshAnswers(Func<Task<LoginResult>> answer) =>
        Client.Setup(c => c.RefreshAsync(It.IsAny<RefreshTokenRequest>(), It.IsAny<CancellationToken>()))
            .Returns(answer);

    /// <summary>Holds every refresh until the test completes the returned source.</summary>
    public TaskCompletionSource<LoginResult> HoldRefreshes()
    {
        var refresh = new TaskCompletionSource<LoginResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        RefreshAnswers(() => refresh.Task);
        return refresh;
    }

    /// <summary>kiwi-user accepts the logout of the session's first access token.</summary>
    public void AcceptLogout() =>
        Client.Setup(c => c.LogoutAsync("token-1", It.IsAny<LogoutRequest>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

    public void RefreshAnswers(string accessToken) =>
        RefreshAnswers(() => Task.FromResult(Login(accessToken, Clock.GetUtcNow().AddSeconds(600))));

    public void VerifyRefreshes(Times times) =>
        Client.Verify(c => c.RefreshAsync(It.IsAny<RefreshTokenRequest>(), It.IsAny<CancellationToken>()), times);
}
