namespace Kiwi.Auth.LoadHost;

/// <summary>
/// Dispatches the commands: <c>serve --mode MODE [--url URL] [--ready-file FILE] ...</c> and
/// <c>mint --private-key FILE --count N --out FILE</c>.
/// </summary>
internal static class LoadHostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var arguments = LoadHostArguments.Parse(args);
            return arguments.Command switch
            {
                "serve" => await ServeCommand.RunAsync(arguments),
                "mint" => await MintCommand.RunAsync(arguments),
                _ => await WriteUsageAsync(),
            };
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return await WriteUsageAsync();
        }
    }

    private const string Usage = """
        usage:
          Kiwi.Auth.LoadHost serve --mode none|kiwi-remote|kiwi-local|kiwi-local-nocache|jwtbearer
                                   [--url http://127.0.0.1:0] [--ready-file FILE]
                                   [--public-key PEM-FILE] [--private-key PEM-FILE] [--kiwi-url URL]
          Kiwi.Auth.LoadHost mint --private-key PEM-FILE --count N --out FILE [--lifetime-seconds 7200]
        """;

    private static async Task<int> WriteUsageAsync()
    {
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
