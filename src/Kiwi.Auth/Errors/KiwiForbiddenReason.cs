using Microsoft.AspNetCore.Authentication;

namespace Kiwi.Auth.Errors;

/// <summary>
/// Carries why a request is forbidden from the authorization result handler and the endpoint filter to the
/// scheme's <c>HandleForbiddenAsync</c>, in the <see cref="AuthenticationProperties"/> of <c>ForbidAsync</c>, so
/// that every 403 goes through <see cref="KiwiAuthEvents.OnForbidden"/> and one writer.
/// </summary>
internal static class KiwiForbiddenReason
{
    private const string MessageKey = "kiwi.forbidden.message";
    private const string ScopesKey = "kiwi.forbidden.scopes";

    public static AuthenticationProperties Scopes(IEnumerable<string> scopes) =>
        new(new Dictionary<string, string?> { [ScopesKey] = string.Join(' ', scopes) });

    public static AuthenticationProperties Message(string message) =>
        new(new Dictionary<string, string?> { [MessageKey] = message });

    public static IReadOnlyList<string> ScopesOf(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(ScopesKey, out var scopes) && !string.IsNullOrEmpty(scopes)
            ? scopes.Split(' ')
            : [];

    public static KiwiErrorResponse ResponseFor(AuthenticationProperties properties)
    {
        var scopes = ScopesOf(properties);
        if (scopes.Count > 0)
        {
            return KiwiErrorResponse.ScopeMissing(scopes);
        }

        var message = properties.Items.TryGetValue(MessageKey, out var value) ? value : null;
        return KiwiErrorResponse.Forbidden(message ?? "Forbidden");
    }
}
