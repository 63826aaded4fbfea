using Kiwi.User.Client.Samples.Console;

namespace Kiwi.User.Client.Tests.Samples;

public sealed class ConsoleSampleTests
{
    [Fact]
    public async Task The_console_sample_logs_in_calls_the_api_through_an_expiry_and_logs_out()
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await ConsoleSample.Main([]);
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().Split('\n');
        Assert.Equal(0, exitCode);
        Assert.Equal(2, lines.Count(l => l.StartsWith("GET v1/profile: 200", StringComparison.Ordinal)));
        Assert.Contains("refreshes seen by kiwi-user: 1", lines.Select(l => l.TrimEnd()));
        Assert.Contains("after the logout the session is over: NotFound", lines.Select(l => l.TrimEnd()));
    }
}
