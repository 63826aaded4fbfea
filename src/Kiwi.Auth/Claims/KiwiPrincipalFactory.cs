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

        // Claims are made with the identity as their subject: ClaimsIdentity copies every claim it is given that
        // belongs to no identity, which would double the principal's allocations on every request.
        var identity = new ClaimsIdentity(authenticationType, KiwiClaimTypes.Name, KiwiClaimTypes.Role);
        Add(identity, KiwiClaimTypes.Subject, user.Id);
        Add(identity, ClaimTypes.NameIdentifier, user.Id);
        Add(identity, KiwiClaimTypes.Application, user.Application);
        Add(identity, KiwiClaimTypes.DeviceType, user.DeviceType);
        Add(identity, KiwiClaimTypes.DeviceId, user.DeviceId);
        var expiresAt = user.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Add(identity, KiwiClaimTypes.ExpiresAt, expiresAt, ClaimValueTypes.Integer64);

        AddIfPresent(identity, KiwiClaimTypes.Role, user.Role);
        AddIfPresent(identity, KiwiClaimTypes.OrganizationId, user.OrganizationId);
        foreach (var scope in user.Scopes)
        {
            Add(identity, KiwiClaimTypes.Scope, scope);
        }

        if (user.Profile is { } profile)
        {
            AddProfile(identity, profile);
        }

        return new ClaimsPrincipal(identity);
    }

    private static void AddProfile(ClaimsIdentity identity, KiwiUserInfo profile)
    {
        AddIfPresent(identity, KiwiClaimTypes.Name, profile.Name);
        AddIfPresent(identity, KiwiClaimTypes.Avatar, profile.Avatar);
        AddIfPresent(identity, KiwiClaimTypes.Phone, profile.Phone);
        AddIfPresent(identity, KiwiClaimTypes.Email, profile.Email);
        AddIfPresent(identity, KiwiClaimTypes.Department, profile.Department);
        foreach (var membership in profile.Organizations ?? [])
        {
            AddIfPresent(identity, KiwiClaimTypes.Membership, membership.Id);
        }
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Add(identity, type, value);
        }
    }

    private static void Add(
        ClaimsIdentity identity, string type, string value, string valueType = ClaimValueTypes.String)
    {
        var issuer = ClaimsIdentity.DefaultIssuer;
        identity.AddClaim(new Claim(type, value, valueType, issuer, issuer, identity));
    }
}
