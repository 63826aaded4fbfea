using System.Security.Claims;

namespace Kiwi.Auth;

/// <summary>The claim types of a principal Kiwi.Auth authenticated.</summary>
public static class KiwiClaimTypes
{
    /// <summary>
    /// The user id (the token's <c>sub</c>); also present as <see cref="ClaimTypes.NameIdentifier"/>.
    /// </summary>
    public const string Subject = "sub";

    /// <summary>The application the token was issued for (its <c>iss</c>).</summary>
    public const string Application = "application";

    /// <summary>The personal role (the token's <c>roles</c>), as <see cref="ClaimTypes.Role"/>, so that
    /// <c>IsInRole</c> and <c>[Authorize(Roles = ...)]</c> work.</summary>
    public const string Role = ClaimTypes.Role;

    /// <summary>One claim per scope of the role (the token's <c>scopes</c>).</summary>
    public const string Scope = "scope";

    /// <summary>The login device's type.</summary>
    public const string DeviceType = "device_type";

    /// <summary>The login device's id.</summary>
    public const string DeviceId = "device_id";

    /// <summary>The organization the session is in (a lowercase UUID); absent when none.</summary>
    public const string OrganizationId = "organization_id";

    /// <summary>When the token expires, in unix seconds.</summary>
    public const string ExpiresAt = "exp";

    /// <summary>The profile's display name (remote mode), as <see cref="ClaimTypes.Name"/>.</summary>
    public const string Name = ClaimTypes.Name;

    /// <summary>The profile's avatar URL (remote mode).</summary>
    public const string Avatar = "avatar";

    /// <summary>The profile's phone number (remote mode).</summary>
    public const string Phone = "phone";

    /// <summary>The profile's email (remote mode).</summary>
    public const string Email = ClaimTypes.Email;

    /// <summary>The profile's department (remote mode).</summary>
    public const string Department = "department";

    /// <summary>One claim per organization the user belongs to, holding its id (remote mode).</summary>
    public const string Membership = "org";
}
