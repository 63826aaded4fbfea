namespace Kiwi.Auth.Tokens;

/// <summary>The claims of a kiwi access token, decoded but not yet trusted.</summary>
public sealed record KiwiTokenPayload
{
    /// <summary>The token's kind; Kiwi.Auth accepts only <c>access</c>.</summary>
    public required string Type { get; init; }

    /// <summary>When the token was issued, in unix seconds.</summary>
    public long IssuedAt { get; init; }

    /// <summary>When the token expires, in unix seconds.</summary>
    public required long ExpiresAt { get; init; }

    /// <summary>The user id.</summary>
    public required string Subject { get; init; }

    /// <summary>The application the token was issued for.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>The personal role; empty when none.</summary>
    public string Role { get; init; } = "";

    /// <summary>The role's scopes.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The login device's type.</summary>
    public string DeviceType { get; init; } = "";

    /// <summary>The login device's id.</summary>
    public string DeviceId { get; init; } = "";

    /// <summary>The session's organization; empty when none.</summary>
    public string OrganizationId { get; init; } = "";

    /// <summary>The user these claims describe, without a profile.</summary>
    /// <returns>The user.</returns>
    public KiwiUser ToUser() => new()
    {
        Id = Subject,
        Application = Issuer,
        Role = Role,
        Scopes = Scopes,
        DeviceType = DeviceType,
        DeviceId = DeviceId,
        OrganizationId = OrganizationId,
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(ExpiresAt),
    };
}
