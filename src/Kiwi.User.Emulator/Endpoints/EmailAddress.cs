using System.Text.RegularExpressions;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>
/// The <c>email</c> binding rule. An approximation of go-playground/validator's pattern: a dot-atom local part and
/// a dotted host name (validator also accepts quoted local parts and non-ASCII, which this does not).
/// </summary>
internal static partial class EmailAddress
{
    public static bool IsValid(string text) => text.Length <= 320 && Pattern().IsMatch(text);

    [GeneratedRegex(
        "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
        + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
