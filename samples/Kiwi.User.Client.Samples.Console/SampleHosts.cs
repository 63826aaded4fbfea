using Kiwi.User.Emulator;

namespace Kiwi.User.Client.Samples.Console;

/// <summary>
/// kiwi-user and the API the sample calls: given URLs, or an in-process emulator whose access tokens live five
/// seconds, so that the sample sees one expire.
/// </summary>
internal sealed class SampleHosts : IAsyncDisposable
{
    /// <summary>With five-second tokens, refresh one second before the expiry.</summary>
    public static readonly TimeSpan RefreshBuffer = TimeSpan.FromSeconds(1);

    private const string UserInfoPath = "v1/user/info";
    private const string ProfilePath = "v1/profile";
    private static readonly TimeSpan ShortLifetime = TimeSpan.FromSeconds(5);
    private readonly KiwiUserEmulator? emulator;

    private SampleHosts(Uri kiwiUrl, Uri apiUrl, string apiPath, KiwiUserEmulator? emulator)
    {
        KiwiUrl = kiwiUrl;
        ApiUrl = apiUrl;
        ApiPath = apiPath;
        this.emulator = emulator;
    }

    public Uri KiwiUrl { get; }

    public Uri ApiUrl { get; }

    public string ApiPath { get; }

    /// <summary>A running kiwi-user, and the minimal-API sample when its URL is given.</summary>
    public static SampleHosts External(Uri kiwiUrl, Uri? apiUrl) => apiUrl is null
        ? new SampleHosts(kiwiUrl, kiwiUrl, UserInfoPath, null)
        : new SampleHosts(kiwiUrl, apiUrl, ProfilePath, null);

    public static async Task<SampleHosts> StartEmulatorAsync()
    {
        var emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Seed = EmulatorSeeds.Demo,
            AccessTokenLifetime = ShortLifetime,
        });
        return new SampleHosts(emulator.BaseAddress, emulator.BaseAddress, UserInfoPath, emulator);
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
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}
