using Kiwi.Auth.Samples.MinimalApi;
using Kiwi.User.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.User.Client.Samples.Console;

/// <summary>
/// kiwi-user and the API the sample calls: given URLs, or an in-process emulator whose access tokens live five
/// seconds (so that the sample sees one expire) and the minimal-API sample pointed at it.
/// </summary>
internal sealed class SampleHosts : IAsyncDisposable
{
    /// <summary>With five-second tokens, refresh one second before the expiry.</summary>
    public static readonly TimeSpan RefreshBuffer = TimeSpan.FromSeconds(1);

    private const string UserInfoPath = "v1/user/info";
    private const string ProfilePath = "v1/profile";
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(5);
    private readonly KiwiUserEmulator? emulator;
    private readonly WebApplication? api;

    private SampleHosts(Uri kiwiUrl, Uri apiUrl, string apiPath, KiwiUserEmulator? emulator, WebApplication? api)
    {
        KiwiUrl = kiwiUrl;
        ApiUrl = apiUrl;
        ApiPath = apiPath;
        this.emulator = emulator;
        this.api = api;
    }

    public Uri KiwiUrl { get; }

    public Uri ApiUrl { get; }

    public string ApiPath { get; }

    /// <summary>A running kiwi-user, and the minimal-API sample when its URL is given (otherwise kiwi-user's own
    /// <c>/v1/user/info</c>, which needs the token just the same).</summary>
    public static SampleHosts External(Uri kiwiUrl, Uri? apiUrl) => apiUrl is null
        ? new SampleHosts(kiwiUrl, kiwiUrl, UserInfoPath, null, null)
        : new SampleHosts(kiwiUrl, apiUrl, ProfilePath, null, null);

    public static async Task<SampleHosts> StartInProcessAsync()
    {
        var emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Seed = EmulatorSeeds.Demo,
            AccessTokenLifetime = ShortLifetime,
        });

        // The minimal-API sample as `dotnet run` builds it, on a free loopback port, trusting this emulator.
        var api = await SampleApp.BuildAsync([
            "--urls=http://127.0.0.1:0",
            $"--KiwiAuth:BaseUrl={emulator.BaseAddress}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await api.StartAsync();

        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new SampleHosts(emulator.BaseAddress, new Uri(address.TrimEnd('/') + "/"), ProfilePath, emulator, api);
    }

    public void PrintRefreshCount()
    {
        if (emulator is not null)
        {
            var refreshes = emulator.Control.RequestCount("/v1/token/refresh");
            System.Console.WriteLine($"refreshes seen by kiwi-user: {refreshes}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (api is not null)
        {
            await api.StopAsync();
            await api.DisposeAsync();
        }

        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}
