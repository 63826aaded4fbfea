using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiwi.User.Emulator.Json;

/// <summary>
/// Reads JSON strings as Go's <c>encoding/json</c> does. An escape that is not valid UTF-16 (a lone surrogate such
/// as <c>\ud800</c>) is valid JSON; Go reads it as U+FFFD, whereas System.Text.Json's <c>GetString</c> throws.
/// </summary>
internal static class GoJsonText
{
    private const char Replacement = '\uFFFD';

    /// <summary>The string value of <paramref name="element"/>, lone surrogates read as U+FFFD.</summary>
    public static string Read(JsonElement element)
    {
        try
        {
            return element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return ReplaceLoneSurrogates(Unescape(element.GetRawText()));
        }
    }

    /// <summary>A property's name, or <see langword="null"/> when it holds a lone surrogate: no field name of
    /// kiwi-user's does, so such a key is unknown and ignored, as in Go.</summary>
    public static string? Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The text between the quotes of a JSON string that the reader has already found well formed.
    /// </summary>
    private static string Unescape(string quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            if (quoted[i] != '\\')
            {
                text.Append(quoted[i]);
                continue;
            }

            i++;
            if (quoted[i] == 'u')
            {
                text.Append((char)ushort.Parse(quoted.AsSpan(i + 1, 4), NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }

            text.Append(quoted[i] switch
            {
                'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', var c => c,
            });
        }

        return text.ToString();
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = Replacement;
            }
        }

        return new string(chars);
    }
}
