using Kiwi.User.Client.Sessions;

namespace Kiwi.User.Client.Samples.Console;

/// <summary>The sample's steps, each printing what it saw. No token is ever printed.</summary>
internal static class SampleSteps
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    public static async Task CallApiAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        System.Console.WriteLine($"GET {path}: {(int)response.StatusCode} {Shorten(body)}");
        response.EnsureSuccessStatusCode();
    }

    public static async Task WaitForExpiryAsync(KiwiSession session)
    {
        var tokens = await session.GetTokensAsync();
        var wait = tokens.AccessTokenExpiresAt - TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(1);
        if (wait > LongestWait)
        {
            System.Console.WriteLine($"the access token lives until {tokens.AccessTokenExpiresAt:u}; not waiting");
            return;
        }

        System.Console.WriteLine($"waiting {wait.TotalSeconds:0} s for the access token to expire");
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    public static async Task ShowSessionIsOverAsync(HttpClient api, string path)
    {
        try
        {
            using var response = await api.GetAsync(path);
            System.Console.WriteLine($"unexpected: the API answered {(int)response.StatusCode} after the logout");
        }
        catch (KiwiSessionEndedException exception)
        {
            System.Console.WriteLine($"after the logout the session is over: {exception.Reason}");
        }
    }

    private static string Shorten(string body) => body.Length <= 100 ? body : body[..100] + "...";
}
