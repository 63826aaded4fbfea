using System.Text.Json;
using Kiwi.User.Emulator.Seeding;

namespace Kiwi.User.Emulator;

/// <summary>The built-in seeds, and loading seeds from JSON.</summary>
public static class EmulatorSeeds
{
    /// <summary>
    /// Application <c>kiwi-demo</c>; users <c>alice</c>/<c>alice-password</c> (role <c>user</c>, owner of
    /// "Kiwi Demo Org") and <c>bob</c>/<c>bob-password</c> (role <c>viewer</c>, no organization).
    /// The same data as <c>seeds/demo.json</c>. Each read returns a new copy, so changing one changes no other.
    /// </summary>
    public static EmulatorSeed Demo => LoadEmbedded("demo.json");

    /// <summary>
    /// The users of <c>tests/fixtures</c>: <c>1864213360487714816</c> and <c>1864213360487714818</c>, both with role
    /// <c>user</c> (scopes <c>read</c>, <c>write</c>) and members of organization
    /// <c>0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e</c>; application <c>kiwi-demo</c>. Same as <c>seeds/fixtures.json</c>.
    /// </summary>
    public static EmulatorSeed Fixtures => LoadEmbedded("fixtures.json");

    /// <summary>Reads a seed from a JSON file (format: docs/emulator.md).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The seed.</returns>
    public static EmulatorSeed Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    /// <summary>Reads a seed from JSON text.</summary>
    /// <param name="json">The seed's JSON.</param>
    /// <returns>The seed.</returns>
    public static EmulatorSeed Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.EmulatorSeed)
            ?? throw new InvalidDataException("The seed JSON is null.");
    }

    private static EmulatorSeed Parse(Stream stream) =>
        JsonSerializer.Deserialize(stream, EmulatorJsonContext.Default.EmulatorSeed)
            ?? throw new InvalidDataException("The seed JSON is null.");

    private static EmulatorSeed LoadEmbedded(string name)
    {
        var assembly = typeof(EmulatorSeeds).Assembly;
        using var stream = assembly.GetManifestResourceStream("Kiwi.User.Emulator.seeds." + name)
            ?? throw new InvalidOperationException($"The built-in seed {name} is missing from the assembly.");
        return Parse(stream);
    }
}
