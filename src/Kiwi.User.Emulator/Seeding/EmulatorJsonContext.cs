using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator.Seeding;

/// <summary>Source-generated JSON metadata for seed files and the control API's bodies.</summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(EmulatorSeed))]
[JsonSerializable(typeof(SeedUser))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
