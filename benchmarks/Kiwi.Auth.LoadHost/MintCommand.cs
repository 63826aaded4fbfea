using System.Security.Cryptography;

namespace Kiwi.Auth.LoadHost;

/// <summary>Writes <c>--count</c> distinct tokens, one a line, for wrk's token sets.</summary>
internal static class MintCommand
{
    /// <summary>The users of the fixture seed; kiwi-user's verify also requires the user to exist.</summary>
    private static readonly string[] Users = ["1864213360487714816", "1864213360487714818"];

    public static async Task<int> RunAsync(LoadHostArguments arguments)
    {
        var count = arguments.GetInt("count", 1);
        var lifetime = TimeSpan.FromSeconds(arguments.GetInt("lifetime-seconds", 7200));
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(arguments.Require("private-key")));

        var now = DateTimeOffset.UtcNow;
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var deviceId = $"load-{i:D5}";
            lines.Add(KiwiTokenWriter.Write(key, Users[i % Users.Length], deviceId, now, lifetime));
        }

        await File.WriteAllLinesAsync(arguments.Require("out"), lines);
        Console.WriteLine($"Wrote {count} tokens to {arguments.Require("out")}");
        return 0;
    }
}
