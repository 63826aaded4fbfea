using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.User.Client.Samples.Console;

/// <summary>
/// A server-side caller of kiwi-user: logs in, calls the minimal-API sample's <c>GET /v1/profile</c> with the
/// session's token, lives through an access token expiry by refreshing, and logs out.
/// <code>
/// dotnet run --project samples/Kiwi.User.Client.Samples.Console              # emulator and API in-process
/// dotnet run --project samples/Kiwi.User.Client.Samples.Console -- KIWI_URL API_URL
/// dotnet run --project samples/Kiwi.User.Client.Samples.Console -- KIWI_URL  # calls kiwi's GET /v1/user/info
/// </code>
/// </summary>
internal static class ConsoleSample
{
    private const string SessionKey = "console";

    public static async Task<int> Main(string[] args)
    {
        await using var hosts = args.Length switch
        {
            0 => await SampleHosts.StartInProcessAsync(),
            1 => SampleHosts.External(new Uri(args[0]), null),
            _ => SampleHosts.External(new Uri(args[0]), new Uri(args[1])),
        };
        System.Console.WriteLine($"kiwi-user: {hosts.KiwiUrl}  API: {hosts.ApiUrl}{hosts.ApiPath}");

        await using var provider = BuildServices(hosts);
        try
        {
            await RunAsync(provider, hosts);
            return 0;
        }
        catch (KiwiUserException exception)
        {
            System.Console.Error.WriteLine($"kiwi-user said no: {exception.Message}");
            return 1;
        }
    }

    private static ServiceProvider BuildServices(SampleHosts hosts)
    {
        var services = new ServiceCollection();
        services.AddKiwiUserClient(o => o.BaseUrl = hosts.KiwiUrl);
        services.AddKiwiSessions(o => o.RefreshBuffer = SampleHosts.RefreshBuffer);
        services.AddHttpClient("api", c => c.BaseAddress = hosts.ApiUrl).AddKiwiSessionToken(SessionKey);
        return services.BuildServiceProvider();
    }

    private static async Task RunAsync(ServiceProvider provider, SampleHosts hosts)
    {
        var client = provider.GetRequiredService<IKiwiUserClient>();
        var sessions = provider.GetRequiredService<KiwiSessionManager>();
        var api = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");
        sessions.SessionEnded += (_, e) => System.Console.WriteLine($"session of user {e.UserId} ended: {e.Reason}");

        var device = new KiwiDevice("console", "sample-1");
        var login = await client.LoginWithPasswordAsync(
            new PasswordLoginRequest("kiwi-demo", "alice", "alice-password", device));
        var session = await sessions.StartAsync(SessionKey, login);
        System.Console.WriteLine($"logged in as user {login.UserId}");

        await SampleSteps.CallApiAsync(api, hosts.ApiPath);
        await SampleSteps.WaitForExpiryAsync(session);
        await SampleSteps.CallApiAsync(api, hosts.ApiPath);
        hosts.PrintRefreshCount();

        await session.LogoutAsync();
        System.Console.WriteLine("logged out");
        await SampleSteps.ShowSessionIsOverAsync(api, hosts.ApiPath);
    }
}
