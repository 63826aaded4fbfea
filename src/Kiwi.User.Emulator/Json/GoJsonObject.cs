using System.Text.Json;

namespace Kiwi.User.Emulator.Json;

/// <summary>One JSON object being bound into a Go struct; see <see cref="GoJsonBinder"/>.</summary>
internal readonly struct GoJsonObject
{
    private readonly GoJsonBinder _binder;
    private readonly JsonElement _element;

    internal GoJsonObject(GoJsonBinder binder, JsonElement element)
    {
        _binder = binder;
        _element = element;
    }

    /// <summary>A string field: empty when missing or null.</summary>
    public string String(string name)
    {
        if (!TryFind(name, out var value))
        {
            return "";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _binder.Fail();
            return "";
        }

        return GoJsonText.Read(value);
    }

    /// <summary>An int64 field: zero when missing or null; a fraction or exponent fails as in Go.</summary>
    public long Int64(string name)
    {
        if (!TryFind(name, out var value))
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            _binder.Fail();
            return 0;
        }

        return number;
    }

    /// <summary>A nested struct field: empty when missing or null.</summary>
    public GoJsonObject Object(string name)
    {
        if (!TryFind(name, out var value))
        {
            return new GoJsonObject(_binder, default);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            _binder.Fail();
            return new GoJsonObject(_binder, default);
        }

        return new GoJsonObject(_binder, value);
    }

    /// <summary>Whether a pointer field would be non-nil: present and not null.</summary>
    public bool Has(string name) => TryFind(name, out _);

    /// <summary>A string slice: null when missing or null; null elements become empty strings.</summary>
    public IReadOnlyList<string>? StringArray(string name)
    {
        if (!TryFind(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _binder.Fail();
            return null;
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            items.Add(ReadElement(item));
        }

        return items;
    }

    private string ReadElement(JsonElement item)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                return GoJsonText.Read(item);
            case JsonValueKind.Null:
                return "";
            default:
                _binder.Fail();
                return "";
        }
    }

    private bool TryFind(string name, out JsonElement value)
    {
        value = default;
        if (_element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var found = false;
        foreach (var property in _element.EnumerateObject())
        {
            // JSON null is a no-op in Go, so an earlier value of a duplicate key survives it.
            if (string.Equals(GoJsonText.Name(property), name, StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }
}
