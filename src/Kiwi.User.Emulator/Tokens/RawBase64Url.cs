using System.Buffers.Text;

namespace Kiwi.User.Emulator.Tokens;

/// <summary>Go's <c>base64.RawURLEncoding</c>: URL alphabet, no padding; CR and LF are skipped when decoding.</summary>
internal static class RawBase64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var clean = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (clean.Length % 4 == 1 || !clean.All(IsAlphabet))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(clean);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsAlphabet(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
