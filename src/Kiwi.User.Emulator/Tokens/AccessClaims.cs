namespace Kiwi.User.Emulator.Tokens;

/// <summary>The payload of a kiwi access token, in kiwi's claim order.</summary>
internal sealed record AccessClaims(
    string Type,
    long IssuedAt,
    long ExpiresAt,
    string Subject,
    string Issuer,
    string Role,
    IReadOnlyList<string>? Scopes,
    string DeviceType,
    string DeviceId,
    string OrganizationId);
