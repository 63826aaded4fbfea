using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Kiwi.User.Emulator.Json;

/// <summary>
/// Reads a request body the way gin's JSON binding (Go's <c>encoding/json</c> decoder) does: only the first JSON
/// value counts, keys match field names case-insensitively (the last match wins), unknown keys are ignored,
/// <c>null</c> leaves a field empty, and a value of the wrong type fails the whole bind.
/// </summary>
internal sealed class GoJsonBinder
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = 10000 };

    private GoJsonBinder()
    {
    }

    /// <summary>True when a field had a value of the wrong type; gin then answers 400.</summary>
    public bool Failed { get; private set; }

    /// <summary>Parses a body; false for an empty body, invalid JSON, or a first value that is not an object.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out GoJsonBinder binder, out GoJsonObject root)
    {
        binder = new GoJsonBinder();
        root = new GoJsonObject(binder, default);

        // Go decodes invalid UTF-8 inside strings as U+FFFD instead of failing; outside strings it stays an error.
        var text = Utf8.IsValid(body) ? body : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body));
        if (!TryParseFirstValue(text, out var element))
        {
            return false;
        }

        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return false;
        }

        root = new GoJsonObject(binder, element);
        return true;
    }

    /// <summary>Parses JSON text that is not a request body (for example a query parameter).</summary>
    public static bool TryParse(string text, out GoJsonBinder binder, out GoJsonObject root) =>
        TryParse(Encoding.UTF8.GetBytes(text), out binder, out root);

    internal void Fail() => Failed = true;

    private static bool TryParseFirstValue(ReadOnlySpan<byte> body, out JsonElement element)
    {
        element = default;
        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!JsonDocument.TryParseValue(ref reader, out var document))
            {
                return false;
            }

            element = document.RootElement.Clone();
            document.Dispose();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
