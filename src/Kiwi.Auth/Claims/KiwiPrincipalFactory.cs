using System.Globalization;
using System.Security.Claims;
using Kiwi.User.Client.Models;

namespace Kiwi.Auth;

/// <summary>Turns a <see cref="KiwiUser"/> into the <see cref="ClaimsPrincipal"/> of a request.</summary>
public static class KiwiPrincipalFactory
{
    /// <summary>Builds the principal: user id as <c>sub</c> and <see cref="ClaimTypes.NameIdentifier"/>, role,
    /// one claim per scope, application, device, organization, expiry and, when present, the profile.</summary>
    /// <param name="user">The user.</param>
    /// <param name="authenticationType">The identity's authentication type, normally the scheme name.</param>
    /// <returns>The principal.</returns>
    public static ClaimsPrincipal Create(
        KiwiUser user, string authenticationType = KiwiAuthDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(user);

        var claims = new List<Claim>(12 + user.Scopes.Count)
        {
            new(KiwiClaimTypes.Subject, user.Id),
            new(ClaimTypes.NameIdentifier, user.Id),
            new(KiwiClaimTypes.Application, user.Application),
            new(KiwiClaimTypes.DeviceType, user.DeviceType),
            new(KiwiClaimTypes.DeviceId, user.DeviceId),
            new(KiwiClaimTypes.ExpiresAt, user.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ClaimValueTypes.Integer64),
        };

        AddIfPresent(claims, KiwiClaimTypes.Role, user.Role);
        AddIfPresent(claims, KiwiClaimTypes.OrganizationId, user.OrganizationId);
        foreach (var scope in user.Scopes)
        {
            claims.Add(new Claim(KiwiClaimTypes.Scope, scope));
        }

        if (user.Profile is { } profile)
        {
            AddProfile(claims, profile);
        }

        var identity = new ClaimsIdentity(claims, authenticationType, KiwiClaimTypes.Name, KiwiClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private static void AddProfile(List<Claim> claims, KiwiUserInfo profile)
    {
        AddIfPresent(claims, KiwiClaimTypes.Name, profile.Name);
        AddIfPresent(claims, KiwiClaimTypes.Avatar, profile.Avatar);
        AddIfPresent(claims, KiwiClaimTypes.Phone, profile.Phone);
        AddIfPresent(claims, KiwiClaimTypes.Email, profile.Email);
        AddIfPresent(claims, KiwiClaimTypes.Department, profile.Department);
        foreach (var membership in profile.Organizations ?? [])
        {
            AddIfPresent(claims, KiwiClaimTypes.Membership, membership.Id);
        }
    }

    private static void AddIfPresent(List<Claim> claims, string type, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
