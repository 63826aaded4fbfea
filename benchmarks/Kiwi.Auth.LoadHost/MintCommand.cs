namespace Kiwi.Auth.LoadHost;

/// <summary>Writes <c>--count</c> distinct tokens, one a line, minted by the emulator with <c>--private-key</c>.
/// </summary>
internal static class MintCommand
{
    /// <summary>The users of the fixture seed; kiwi-user's verify also requires the user to exist.</summary>
    private static readonly string[] Users = ["1864213360487714816", "1864213360487714818"];

    public static async Task<int> RunAsync(LoadHostArguments arguments)
    {
        var count = arguments.GetInt("count", 1);
        var lifetime = TimeSpan.FromSeconds(arguments.GetInt("lifetime-seconds", 7200));
        var output = arguments.Require("out");

        await using var emulator = await LoadHostEmulator.StartAsync(arguments.Require("private-key"));
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            // A distinct device id makes each token distinct.
            var deviceId = $"load-{i:D5}";
            lines.Add(emulator.Control.IssueAccessToken(Users[i % Users.Length], "web", deviceId, "", lifetime));
        }

        await File.WriteAllLinesAsync(output, lines);
        Console.WriteLine($"Wrote {count} tokens to {output}");
        return 0;
    }
}
