using System.Text.Json;
using Kiwi.User.Emulator.Json;

namespace Kiwi.User.Emulator.Http;

/// <summary>
/// The control API's JSON bodies for faults and minted tokens (snake_case, durations in milliseconds).
/// </summary>
internal static class ControlBodies
{
    public static EmulatorFault ReadFault(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var kind = Kind(Text(root, "kind"));
        return new EmulatorFault
        {
            Path = Text(root, "path") ?? throw new InvalidDataException("A fault needs a \"path\"."),
            Kind = kind,
            Latency = TimeSpan.FromMilliseconds(Number(root, "latency_ms") ?? 0),
            StatusCode = Int32(root, "status_code") ?? 500,
            Count = Int32(root, "count"),
            Duration = Number(root, "duration_ms") is { } duration ? TimeSpan.FromMilliseconds(duration) : null,
        };
    }

    public static void WriteFault(GoJsonWriter writer, EmulatorFault fault)
    {
        writer.StartObject()
            .Property("path", fault.Path)
            .Property("kind", fault.Kind.ToString())
            .Property("latency_ms", (long)fault.Latency.TotalMilliseconds)
            .Property("status_code", fault.StatusCode)
            .Name("count");
        if (fault.Count is { } count)
        {
            writer.Number(count);
        }
        else
        {
            writer.Null();
        }

        writer.Name("duration_ms");
        if (fault.Duration is { } duration)
        {
            writer.Number((long)duration.TotalMilliseconds);
        }
        else
        {
            writer.Null();
        }

        writer.EndObject();
    }

    public static TokenRequest ReadTokenRequest(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return new TokenRequest(
            Text(root, "user_id") ?? throw new InvalidDataException("A token needs a \"user_id\"."),
            Text(root, "device_type") ?? "web",
            Text(root, "device_id") ?? "test-device",
            Text(root, "organization_id") ?? "",
            Number(root, "lifetime_seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }

    /// <summary>A kind by its name only: Enum.Parse would also take a number or a list ("Status, Html" is 3,
    /// TruncatedBody), injecting a fault nobody asked for.</summary>
    private static EmulatorFaultKind Kind(string? text)
    {
        var names = Enum.GetNames<EmulatorFaultKind>();
        return names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<EmulatorFaultKind>(name)
            : throw new InvalidDataException(
                $"Unknown fault kind \"{text}\"; one of {string.Join(", ", names)}.");
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    /// <summary>A number that must fit an <see cref="int"/>: a larger one is refused, never truncated into a
    /// different (possibly valid) value.</summary>
    private static int? Int32(JsonElement root, string name) => Number(root, name) switch
    {
        null => null,
        var value when value is >= int.MinValue and <= int.MaxValue => (int)value,
        _ => throw new InvalidDataException($"\"{name}\" is out of range."),
    };

    internal sealed record TokenRequest(
        string UserId, string DeviceType, string DeviceId, string OrganizationId, TimeSpan? Lifetime);
}
