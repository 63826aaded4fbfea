using Kiwi.Auth.Caching;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Kiwi.User.Client.Models;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>A <see cref="TokenVerdictService"/> with the real HybridCache-based cache and coalescer, a fake clock,
/// and a Moq validator that counts its calls.</summary>
internal sealed class VerdictHarness : IDisposable
{
    public const string Scheme = KiwiAuthDefaults.AuthenticationScheme;

    private readonly ServiceProvider _provider;

    public VerdictHarness(
        Action<KiwiAuthOptions>? configure = null,
        FakeTimeProvider? time = null,
        IDistributedCache? distributed = null,
        Func<IServiceProvider, VerdictCache>? cache = null,
        Func<IServiceProvider, ValidationCoalescer>? coalescer = null)
    {
        Time = time ?? new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_764_806_400));
        Validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .Returns((KiwiToken token, CancellationToken _) => ValueTask.FromResult(ValidVerdict(token)));

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.AddOptions<KiwiAuthOptions>(Scheme).Configure(configure ?? (_ => { }));
        services.AddKeyedSingleton(KiwiAuthMode.Remote, Validator.Object);
        if (distributed is not null)
        {
            services.AddSingleton(distributed);
        }

        if (cache is not null)
        {
            services.AddSingleton(cache);
        }

        if (coalescer is not null)
        {
            services.AddSingleton(coalescer);
        }

        services.AddSingleton<TokenVerdictService>();
        services.AddKiwiVerdictCache();
        _provider = services.BuildServiceProvider();

        // HybridCache reads its global invalidation time from the distributed cache when it starts; when that read
        // fails it takes "now", and treats entries stamped at or before it as stale. The fake clock must move on.
        _ = Service;
        Time.Advance(TimeSpan.FromMilliseconds(1));
    }

    public FakeTimeProvider Time { get; }

    public Mock<ITokenValidator> Validator { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public TokenVerdictService Service => _provider.GetRequiredService<TokenVerdictService>();

    public int Calls => Validator.Invocations.Count;

    public ValueTask<TokenVerdict> VerdictAsync(KiwiToken token, CancellationToken cancellationToken = default) =>
        Service.GetVerdictAsync(token, Scheme, cancellationToken);

    /// <summary>What kiwi-user's verify returns: the token's claims and a profile with unicode text and two
    /// organizations.</summary>
    public static TokenVerdict ValidVerdict(KiwiToken token) => TokenVerdict.Valid(token.Payload.ToUser() with
    {
        Profile = new KiwiUserInfo
        {
            Id = token.Payload.Subject,
            Application = "kiwi-demo",
            Name = "Zoë Ångström 张伟 🥝",
            Avatar = "https://example.test/a.png",
            Phone = "+86 138 0000 0000",
            Email = "zoe@example.test",
            PersonalRole = "user",
            PersonalScopes = ["read", "write"],
            CurrentOrganizationId = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e",
            Department = "Forschung & Entwicklung",
            Organizations =
            [
                new OrganizationMembership
                {
                    Id = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e", Name = "Kiwi 果园", Status = "premium",
                    PermissionCode = "p-1", RefreshAt = 1_764_806_400, ExpiresAt = 4_102_444_800,
                    OrganizationRole = "admin", OrganizationScopes = ["org:read", "org:write"],
                },
                new OrganizationMembership { Id = "1c8f6b2d-0a4e-4d3c-9f7b-6e5d4c3b2a10", Name = "Second" },
            ],
        },
    });

    public void Dispose() => _provider.Dispose();
}
