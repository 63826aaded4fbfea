using System.Globalization;

namespace Kiwi.Auth.LoadHost;

/// <summary>A command followed by <c>--name value</c> pairs.</summary>
internal sealed class LoadHostArguments
{
    private readonly Dictionary<string, string> _values;

    private LoadHostArguments(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    public string Command { get; }

    public static LoadHostArguments Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("No command given.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new LoadHostArguments(args[0], values);
    }

    public string? Find(string name) => _values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public string Require(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
