using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tokens;

/// <summary>
/// The cheap checks every token passes before any network call or signature check: three unpadded base64url
/// segments, a JSON header with an <c>alg</c>, and a JSON payload with kiwi's claims of the right types.
/// </summary>
public static class KiwiTokenParser
{
    private const int MaxDecodedSegmentLength = 16 * 1024;

    /// <summary>The base64url alphabet, without padding.</summary>
    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Parses a token.</summary>
    /// <param name="raw">The token, without the scheme.</param>
    /// <param name="maxLength">The longest token accepted.</param>
    /// <param name="token">The parsed token, when it is well formed.</param>
    /// <param name="reason">A fixed text from <see cref="TokenFailureReasons"/> when it is not.</param>
    /// <returns><see langword="true"/> when the token is well formed.</returns>
    public static bool TryParse(string raw, int maxLength, out KiwiToken? token, out string reason) =>
        TryParse(raw, maxLength, hash: null, out token, out reason);

    /// <summary>Parses a token whose hash the caller already computed (for the cache lookup before parsing).
    /// </summary>
    internal static bool TryParse(string raw, int maxLength, string? hash, out KiwiToken? token, out string reason)
    {
        ArgumentNullException.ThrowIfNull(raw);
        token = null;

        if (!TryCheckFormat(raw, maxLength, out reason))
        {
            return false;
        }

        TrySplit(raw, out var header, out var payload, out _);
        if (!TryReadAlgorithm(header, out var algorithm)
            || !TryReadPayload(payload, out var claims))
        {
            reason = TokenFailureReasons.Malformed;
            return false;
        }

        token = new KiwiToken(raw, algorithm, claims, hash);
        reason = "";
        return true;
    }

    /// <summary>Only the span checks, without decoding anything: the length, and three unpadded base64url
    /// segments. A token that fails them is malformed; one that passes may still be (its JSON is not read).
    /// </summary>
    internal static bool TryCheckFormat(string raw, int maxLength, out string reason)
    {
        if (raw.Length > maxLength)
        {
            reason = TokenFailureReasons.TooLong;
            return false;
        }

        reason = TrySplit(raw, out _, out _, out _) ? "" : TokenFailureReasons.Malformed;
        return reason.Length == 0;
    }

    private static bool TrySplit(
        string raw, out ReadOnlySpan<char> header, out ReadOnlySpan<char> payload, out ReadOnlySpan<char> signature)
    {
        header = payload = signature = default;
        var span = raw.AsSpan();

        var first = span.IndexOf('.');
        if (first <= 0)
        {
            return false;
        }

        var rest = span[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second <= 0)
        {
            return false;
        }

        header = span[..first];
        payload = rest[..second];
        signature = rest[(second + 1)..];
        return IsBase64Url(header) && IsBase64Url(payload) && IsBase64Url(signature);
    }

    /// <summary>Only the base64url alphabet, no padding, and a length that can be decoded.</summary>
    /// <remarks>Runs on every request, cached or not, over the whole token: a vectorized search.</remarks>
    internal static bool IsBase64Url(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty || segment.Length % 4 == 1)
        {
            return false;
        }

        return !segment.ContainsAnyExcept(Base64UrlAlphabet);
    }

    private static bool TryDecode(ReadOnlySpan<char> segment, out byte[] bytes)
    {
        bytes = [];
        var length = Base64Url.GetMaxDecodedLength(segment.Length);
        if (length > MaxDecodedSegmentLength)
        {
            return false;
        }

        // The OperationStatus overload: TryDecodeFromChars throws on a final quantum with stray bits (such as
        // "Z9"), and a hostile token must never make the parser throw.
        var buffer = new byte[length];
        var status = Base64Url.DecodeFromChars(segment, buffer, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }

    private static bool TryReadAlgorithm(ReadOnlySpan<char> segment, out string algorithm)
    {
        algorithm = "";
        if (!TryDecode(segment, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("alg", out var alg)
                || alg.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            algorithm = alg.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escape that is not valid UTF-16, such as a lone \ud800: valid JSON, never signed by
            // kiwi-user, and no reason for a crash.
            return false;
        }
    }

    private static bool TryReadPayload(ReadOnlySpan<char> segment, out KiwiTokenPayload payload)
    {
        payload = null!;
        if (!TryDecode(segment, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return TryReadClaims(document.RootElement, out payload);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escape that is not valid UTF-16, such as a lone \ud800: valid JSON, never signed by
            // kiwi-user, and no reason for a crash.
            return false;
        }
    }

    private static bool TryReadClaims(JsonElement root, out KiwiTokenPayload payload)
    {
        payload = null!;
        if (root.ValueKind != JsonValueKind.Object
            || !TryString(root, "type", required: true, out var type)
            || !TryInteger(root, "exp", required: true, out var exp)
            || !TryInteger(root, "iat", required: false, out var iat)
            || !TryString(root, "sub", required: true, out var sub) || sub.Length == 0
            || !TryString(root, "iss", required: false, out var iss)
            || !TryString(root, "roles", required: false, out var role)
            || !TryStringArray(root, "scopes", out var scopes)
            || !TryString(root, "device_type", required: false, out var deviceType)
            || !TryString(root, "device_id", required: false, out var deviceId)
            || !TryString(root, "organization_id", required: false, out var organizationId))
        {
            return false;
        }

        payload = new KiwiTokenPayload
        {
            Type = type,
            IssuedAt = iat,
            ExpiresAt = exp,
            Subject = sub,
            Issuer = iss,
            Role = role,
            Scopes = scopes,
            DeviceType = deviceType,
            DeviceId = deviceId,
            OrganizationId = organizationId,
        };
        return true;
    }

    private static bool TryString(JsonElement root, string name, bool required, out string value)
    {
        value = "";
        if (!root.TryGetProperty(name, out var element))
        {
            return !required;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private static bool TryInteger(JsonElement root, string name, bool required, out long value)
    {
        value = 0;
        if (!root.TryGetProperty(name, out var element))
        {
            return !required;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }

    private static bool TryStringArray(JsonElement root, string name, out IReadOnlyList<string> values)
    {
        values = [];
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        values = list;
        return true;
    }
}
