using System.Globalization;
using System.Text;

namespace Kiwi.User.Emulator.Json;

/// <summary>
/// Writes JSON byte for byte as Go's <c>encoding/json</c> does: compact, fields in the order written,
/// non-ASCII text as raw UTF-8, and <c>&lt;</c> <c>&gt;</c> <c>&amp;</c> U+2028 U+2029 escaped with lowercase hex.
/// </summary>
internal sealed class GoJsonWriter
{
    private const string Hex = "0123456789abcdef";

    private readonly StringBuilder _text = new();
    private bool _needsComma;

    public GoJsonWriter StartObject()
    {
        Separate();
        _text.Append('{');
        _needsComma = false;
        return this;
    }

    public GoJsonWriter EndObject()
    {
        _text.Append('}');
        _needsComma = true;
        return this;
    }

    public GoJsonWriter StartArray()
    {
        Separate();
        _text.Append('[');
        _needsComma = false;
        return this;
    }

    public GoJsonWriter EndArray()
    {
        _text.Append(']');
        _needsComma = true;
        return this;
    }

    public GoJsonWriter Name(string name)
    {
        Separate();
        AppendQuoted(name);
        _text.Append(':');
        _needsComma = false;
        return this;
    }

    public GoJsonWriter String(string value)
    {
        Separate();
        AppendQuoted(value);
        _needsComma = true;
        return this;
    }

    public GoJsonWriter Number(long value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        _needsComma = true;
        return this;
    }

    public GoJsonWriter Bool(bool value)
    {
        Separate();
        _text.Append(value ? "true" : "false");
        _needsComma = true;
        return this;
    }

    public GoJsonWriter Null()
    {
        Separate();
        _text.Append("null");
        _needsComma = true;
        return this;
    }

    public GoJsonWriter Property(string name, string value) => Name(name).String(value);

    public GoJsonWriter Property(string name, long value) => Name(name).Number(value);

    public GoJsonWriter Property(string name, bool value) => Name(name).Bool(value);

    /// <summary>Writes a string slice: <c>null</c> for a nil slice, as Go does.</summary>
    public GoJsonWriter Property(string name, IReadOnlyList<string>? values)
    {
        Name(name);
        if (values is null)
        {
            return Null();
        }

        StartArray();
        foreach (var value in values)
        {
            String(value);
        }

        return EndArray();
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    public override string ToString() => _text.ToString();

    private void Separate()
    {
        if (_needsComma)
        {
            _text.Append(',');
        }
    }

    private void AppendQuoted(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                _text.Append(c).Append(value[++i]);
                continue;
            }

            AppendChar(c);
        }

        _text.Append('"');
    }

    private void AppendChar(char c)
    {
        switch (c)
        {
            case '"': _text.Append("\\\""); break;
            case '\\': _text.Append("\\\\"); break;
            case '\n': _text.Append("\\n"); break;
            case '\r': _text.Append("\\r"); break;
            case '\t': _text.Append("\\t"); break;
            case '\b': _text.Append("\\b"); break;
            case '\f': _text.Append("\\f"); break;
            case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ': AppendEscaped(c); break;
            // Go writes invalid UTF-8 (here: a lone surrogate) as the replacement character.
            case >= '\ud800' and <= '\udfff': _text.Append("\\ufffd"); break;
            default: _text.Append(c); break;
        }
    }

    private void AppendEscaped(char c)
    {
        _text.Append("\\u")
            .Append(Hex[(c >> 12) & 0xF])
            .Append(Hex[(c >> 8) & 0xF])
            .Append(Hex[(c >> 4) & 0xF])
            .Append(Hex[c & 0xF]);
    }
}
