using Kiwi.User.Emulator.Json;

namespace Kiwi.User.Emulator.Tokens;

/// <summary>Writes and checks access tokens byte for byte in kiwi-user's format (contract section 2).</summary>
internal static class KiwiTokenFormat
{
    /// <summary><c>{"type":"jwt","alg":"RS256"}</c>, base64url without padding; kiwi never varies it.</summary>
    public const string Header = "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ";

    public static string Issue(AccessClaims claims, SigningKey key)
    {
        var payload = RawBase64Url.Encode(WritePayload(claims));
        var signingInput = Header + "." + payload;
        return signingInput + "." + RawBase64Url.Encode(key.Sign(signingInput));
    }

    /// <summary>
    /// Checks as kiwi-user does: the header is ignored, the signature is checked over the first two segments as
    /// received, then the payload is decoded and <c>exp</c> compared with now (expired when <c>exp &lt; now</c>).
    /// </summary>
    public static TokenCheck Check(string token, SigningKey key, long now, out AccessClaims? claims)
    {
        claims = null;
        var segments = token.Split('.');
        if (segments.Length != 3 || !RawBase64Url.TryDecode(segments[2], out var signature))
        {
            return TokenCheck.Invalid;
        }

        if (!key.Verify(segments[0] + "." + segments[1], signature))
        {
            return TokenCheck.Invalid;
        }

        claims = ReadPayload(segments[1]);
        if (claims is null)
        {
            return TokenCheck.Undecodable;
        }

        return claims.ExpiresAt < now ? TokenCheck.Expired : TokenCheck.Valid;
    }

    private static byte[] WritePayload(AccessClaims claims)
    {
        return new GoJsonWriter()
            .StartObject()
            .Property("type", claims.Type)
            .Property("iat", claims.IssuedAt)
            .Property("exp", claims.ExpiresAt)
            .Property("sub", claims.Subject)
            .Property("iss", claims.Issuer)
            .Property("roles", claims.Role)
            .Property("scopes", claims.Scopes)
            .Property("device_type", claims.DeviceType)
            .Property("device_id", claims.DeviceId)
            .Property("organization_id", claims.OrganizationId)
            .EndObject()
            .ToUtf8();
    }

    private static AccessClaims? ReadPayload(string segment)
    {
        if (!RawBase64Url.TryDecode(segment, out var bytes)
            || !GoJsonBinder.TryParse(bytes, out var binder, out var root))
        {
            return null;
        }

        var claims = new AccessClaims(
            root.String("type"),
            root.Int64("iat"),
            root.Int64("exp"),
            root.String("sub"),
            root.String("iss"),
            root.String("roles"),
            root.StringArray("scopes"),
            root.String("device_type"),
            root.String("device_id"),
            root.String("organization_id"));
        return binder.Failed ? null : claims;
    }
}
