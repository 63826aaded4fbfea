namespace Kiwi.User.Emulator.State;

/// <summary>
/// Organization ids are UUIDs; kiwi parses them with Go's <c>uuid.Parse</c> and writes them lowercase.
/// </summary>
internal static class OrganizationIds
{
    private const string UrnPrefix = "urn:uuid:";

    /// <summary>The lowercase hyphenated form, or null when the text is not a UUID Go would accept.</summary>
    public static string? Normalize(string text)
    {
        var candidate = text.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase)
            ? text[UrnPrefix.Length..]
            : text;
        foreach (var format in new[] { "D", "N", "B" })
        {
            if (Guid.TryParseExact(candidate, format, out var id))
            {
                return id.ToString("D");
            }
        }

        return null;
    }
}
