using Kiwi.User.Client.Sessions;
using Kiwi.User.Client.Tests.Fakes;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.User.Client.Tests.Sessions;

public sealed class RegistrationTests
{
    [Fact]
    public void Sessions_use_the_in_memory_store_and_a_sixty_second_buffer_by_default()
    {
        using var provider = Services().AddKiwiSessions().BuildServiceProvider();

        Assert.IsType<InMemoryKiwiSessionStore>(provider.GetRequiredService<IKiwiSessionStore>());
        var options = provider.GetRequiredService<IOptions<KiwiSessionOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(60), options.RefreshBuffer);
        var manager = provider.GetRequiredService<KiwiSessionManager>();
        Assert.Same(manager, provider.GetRequiredService<KiwiSessionManager>());
    }

    [Fact]
    public void The_distributed_store_replaces_the_in_memory_one()
    {
        var services = Services().AddSingleton<IDistributedCache, FakeDistributedCache>();

        using var provider = services.AddKiwiSessions().AddKiwiSessionDistributedStore().BuildServiceProvider();

        Assert.IsType<DistributedCacheKiwiSessionStore>(provider.GetRequiredService<IKiwiSessionStore>());
    }

    [Fact]
    public void A_store_registered_first_is_kept()
    {
        var mine = new InMemoryKiwiSessionStore();

        using var provider = Services().AddSingleton<IKiwiSessionStore>(mine).AddKiwiSessions().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IKiwiSessionStore>());
    }

    [Fact]
    public void A_negative_buffer_is_refused()
    {
        using var provider = Services().AddKiwiSessions(o => o.RefreshBuffer = TimeSpan.FromSeconds(-1))
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<KiwiSessionManager>());
    }

    [Theory]
    [InlineData(600)]
    [InlineData(922337203685)]
    public void A_buffer_as_long_as_kiwis_token_lifetime_is_refused(long seconds)
    {
        using var provider = Services().AddKiwiSessions(o => o.RefreshBuffer = TimeSpan.FromSeconds(seconds))
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<KiwiSessionManager>());
    }

    [Fact]
    public void A_wrong_buffer_stops_the_start_rather_than_the_first_request_that_uses_a_session()
    {
        using var provider = Services().AddKiwiSessions(o => o.RefreshBuffer = TimeSpan.FromSeconds(-1))
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("RefreshBuffer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_session_token_handler_registers_the_sessions_it_needs()
    {
        var services = Services();
        services.AddHttpClient("api").AddKiwiSessionToken("worker");

        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IHttpClientFactory>().CreateClient("api"));
        Assert.NotNull(provider.GetRequiredService<KiwiSessionManager>());
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddKiwiUserClient(o => o.BaseUrl = new Uri("http://kiwi.test"));
        return services;
    }
}
