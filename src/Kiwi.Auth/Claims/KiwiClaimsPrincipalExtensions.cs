using System.Security.Claims;

namespace Kiwi.Auth;

/// <summary>Reads kiwi claims from a <see cref="ClaimsPrincipal"/>.</summary>
public static class KiwiClaimsPrincipalExtensions
{
    /// <summary>The kiwi user id (<c>sub</c>), or <see langword="null"/>.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The user id, or <see langword="null"/> when absent.</returns>
    public static string? GetKiwiUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(KiwiClaimTypes.Subject) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    /// <summary>The organization id of the session, or <see langword="null"/> when none.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The organization id, or <see langword="null"/>.</returns>
    public static string? GetKiwiOrganizationId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(KiwiClaimTypes.OrganizationId);
    }

    /// <summary>The application the token was issued for, or <see langword="null"/>.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    public static string? GetKiwiApplication(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(KiwiClaimTypes.Application);
    }

    /// <summary>The scopes of the user's role.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The scopes; empty when none.</returns>
    public static IReadOnlyList<string> GetKiwiScopes(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(KiwiClaimTypes.Scope).Select(c => c.Value).ToArray();
    }

    /// <summary>Whether the user's role has <paramref name="scope"/>.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="scope">The scope.</param>
    /// <returns><see langword="true"/> when the scope is present.</returns>
    public static bool HasKiwiScope(this ClaimsPrincipal principal, string scope)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.HasClaim(KiwiClaimTypes.Scope, scope);
    }
}
