using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Kiwi.User.Emulator;

/// <summary>The <c>kiwi-user-emulator</c> command: parse options, run until Ctrl+C or SIGTERM.</summary>
internal static class EmulatorCommandLine
{
    private const string DefaultUrl = "http://127.0.0.1:5081";

    private const string Usage = """
        kiwi-user-emulator: a faithful local stand-in for kiwi-user.

        Options:
          --urls <urls>              where to listen (default http://127.0.0.1:5081; ';' separates several)
          --seed <file>              seed JSON file (default: the built-in demo seed)
          --signing-key <file>       PKCS#1 "RSA PRIVATE KEY" PEM (default: a new key each start)
          --access-lifetime <sec>    access token lifetime in seconds (default 600)
          --refresh-lifetime <sec>   refresh token lifetime in seconds (default 86400)
          --help                     show this text
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem + Environment.NewLine + Environment.NewLine + Usage);
            return problem.Length == 0 ? 0 : 2;
        }

        using var loggers = LoggerFactory.Create(logging => logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            }));
        options.LoggerFactory = loggers;
        KiwiUserEmulator emulator;
        try
        {
            emulator = await KiwiUserEmulator.StartAsync(options);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or JsonException
            or ArgumentException or UnauthorizedAccessException or CryptographicException)
        {
            await Console.Error.WriteLineAsync("kiwi-user-emulator cannot start: " + exception.Message);
            return 1;
        }

        await using (emulator)
        {
            await WaitForShutdownAsync();
        }

        return 0;
    }

    private static async Task WaitForShutdownAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stop.Task;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    /// <summary>False with an empty problem for --help, false with a message for bad arguments.</summary>
    internal static bool TryParse(string[] args, out KiwiUserEmulatorOptions options, out string problem)
    {
        options = new KiwiUserEmulatorOptions { Url = DefaultUrl };
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = SplitOption(args, ref i);
            if (name is "--help" or "-h")
            {
                return false;
            }

            if (value is null)
            {
                problem = $"Option {name} is unknown or has no value.";
                return false;
            }

            if (!Apply(options, name, value))
            {
                problem = $"Option {name} has a bad value \"{value}\" or is unknown.";
                return false;
            }
        }

        return true;
    }

    private static (string Name, string? Value) SplitOption(string[] args, ref int i)
    {
        var arg = args[i];
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? (arg, args[++i])
            : (arg, null);
    }

    private static bool Apply(KiwiUserEmulatorOptions options, string name, string value)
    {
        switch (name)
        {
            case "--urls": options.Url = value; return true;
            case "--seed": options.SeedFile = value; return true;
            case "--signing-key": options.SigningKeyFile = value; return true;
            case "--access-lifetime": return TrySeconds(value, t => options.AccessTokenLifetime = t);
            case "--refresh-lifetime": return TrySeconds(value, t => options.RefreshTokenLifetime = t);
            default: return false;
        }
    }

    private static bool TrySeconds(string value, Action<TimeSpan> set)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return false;
        }

        set(TimeSpan.FromSeconds(seconds));
        return true;
    }
}
