using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Kiwi.User.Client.Models;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth;

/// <summary>
/// The kiwi user a request is authenticated as. Minimal-API handlers take it as a parameter:
/// <c>app.MapGet("/me", (KiwiUser user) => user.Id).RequireUser();</c>
/// </summary>
public sealed record KiwiUser
{
    /// <summary>The user id (a snowflake decimal string).</summary>
    public required string Id { get; init; }

    /// <summary>The application the token was issued for.</summary>
    public string Application { get; init; } = "";

    /// <summary>The personal role; empty when none.</summary>
    public string Role { get; init; } = "";

    /// <summary>The role's scopes.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The login device's type.</summary>
    public string DeviceType { get; init; } = "";

    /// <summary>The login device's id.</summary>
    public string DeviceId { get; init; } = "";

    /// <summary>The organization of the session; empty when none.</summary>
    public string OrganizationId { get; init; } = "";

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The profile kiwi-user returned with its verdict; <see langword="null"/> in local mode.</summary>
    public KiwiUserInfo? Profile { get; init; }

    /// <summary>Whether the role's scopes include <paramref name="scope"/>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns><see langword="true"/> when the user has the scope.</returns>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>Reads the kiwi user from a principal Kiwi.Auth (or a test helper) authenticated.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The user, or <see langword="null"/> when the principal carries no user id.</returns>
    public static KiwiUser? FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);

        var id = principal.GetKiwiUserId();
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return new KiwiUser
        {
            Id = id,
            Application = principal.FindFirstValue(KiwiClaimTypes.Application) ?? "",
            Role = principal.FindFirstValue(KiwiClaimTypes.Role) ?? "",
            Scopes = principal.FindAll(KiwiClaimTypes.Scope).Select(c => c.Value).ToArray(),
            DeviceType = principal.FindFirstValue(KiwiClaimTypes.DeviceType) ?? "",
            DeviceId = principal.FindFirstValue(KiwiClaimTypes.DeviceId) ?? "",
            OrganizationId = principal.FindFirstValue(KiwiClaimTypes.OrganizationId) ?? "",
            ExpiresAt = ReadExpiry(principal),
        };
    }

    /// <summary>
    /// Binds a minimal-API parameter of this type from the user a Kiwi scheme validated for the request. An identity
    /// made by another scheme never binds, even when it carries a <c>sub</c> claim.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The parameter being bound.</param>
    /// <returns>The user, or <see langword="null"/> when no Kiwi scheme validated one.</returns>
    public static ValueTask<KiwiUser?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<KiwiUserFeature>()?.User);
    }

    private static DateTimeOffset ReadExpiry(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(KiwiClaimTypes.ExpiresAt), CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : DateTimeOffset.MinValue;
}
