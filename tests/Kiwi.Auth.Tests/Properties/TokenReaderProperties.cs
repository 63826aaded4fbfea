using CsCheck;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Tests.Properties;

public sealed class TokenReaderProperties
{
    private static readonly Gen<string> Scheme = Gen.OneOfConst("Bearer", "bearer", "BEARER", "JWT", "jwt", "Basic", "",
        "Bearer\t", "Bearerx", "B\u0000earer");

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["A-Za-z0-9-_."], 0, 80],
        Gen.OneOfConst(" ", "\t", "\r", "\u0000", "\u007f", "\u00a0", ",", ".", "..", "=", "é"));

    private static readonly Gen<string> Header = Gen.OneOf(
        Gen.String,
        Gen.Select(Scheme, Piece, Piece, (s, a, b) => $"{s} {a}{b}"),
        Gen.Select(Piece, Scheme, Piece, (lead, s, t) => $"{lead}{s}  {t} "));

    [Fact]
    public void Reading_any_authorization_headers_never_throws_and_yields_only_clean_tokens() =>
        Header.Array[0, 3].Sample(headers =>
        {
            var context = new DefaultHttpContext();
            if (headers.Length > 0)
            {
                context.Request.Headers.Authorization = headers;
            }

            var read = BearerTokenReader.Read(context.Request);

            Assert.False(read.Token is not null && read.Failure is not null);
            if (headers.Length > 1)
            {
                Assert.Equal(TokenFailureReasons.SeveralAuthorizationHeaders, read.Failure);
            }

            if (read.Token is { } token)
            {
                Assert.Single(headers);
                Assert.NotEmpty(token);
                Assert.DoesNotContain(token, c => c <= ' ' || c == '\u007f');
                Assert.Matches("^(?i:bearer|jwt)[ \t]", headers[0].Trim());
            }
        }, iter: 5000);

    [Fact]
    public void Parsing_any_string_never_throws_and_accepts_only_three_base64url_segments() =>
        Gen.OneOf(Gen.String, DottedSegments()).Sample(raw =>
        {
            var ok = KiwiTokenParser.TryParse(raw, 8192, out var token, out var reason);

            Assert.Equal(ok, token is not null);
            if (ok)
            {
                var segments = raw.Split('.');
                Assert.Equal(3, segments.Length);
                Assert.All(segments, s => Assert.Matches("^[A-Za-z0-9_-]+$", s));
                Assert.False(string.IsNullOrEmpty(token!.Payload.Subject));
            }
            else
            {
                Assert.Contains(reason, new[] { TokenFailureReasons.Malformed, TokenFailureReasons.TooLong });
            }
        }, iter: 5000);

    [Fact]
    public void Never_accepts_a_token_longer_than_the_maximum() =>
        Gen.Int[64, 400].Sample(max =>
        {
            var raw = Infrastructure.TestTokens.Create(scopes: [new string('x', max)]);

            Assert.False(KiwiTokenParser.TryParse(raw, max, out _, out var reason));
            Assert.Equal(TokenFailureReasons.TooLong, reason);
        }, iter: 200);

    /// <summary>Dotted strings made of base64url of JSON-ish text, so that many reach the claim checks.</summary>
    private static Gen<string> DottedSegments()
    {
        var json = Gen.OneOf(
            Gen.OneOfConst("{\"alg\":\"RS256\"}", "{}", "[]", "null", "{\"alg\":5}"),
            Gen.Select(Gen.OneOfConst("access", "refresh", ""), Gen.Long, Gen.String[Gen.Char["0-9"], 0, 20],
                (t, exp, sub) => $"{{\"type\":\"{t}\",\"exp\":{exp},\"sub\":\"{sub}\"}}"),
            Gen.String);
        var segment = Gen.OneOf(
            json.Select(j => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(j))),
            Gen.String[Gen.Char["A-Za-z0-9-_=+/"], 0, 12]);
        return segment.Array[1, 5].Select(parts => string.Join('.', parts));
    }
}
