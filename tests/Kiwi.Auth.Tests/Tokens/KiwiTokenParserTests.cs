using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Tokens;

public sealed class KiwiTokenParserTests
{
    [Fact]
    public void Parses_every_claim_of_a_kiwi_token()
    {
        var ok = KiwiTokenParser.TryParse(FixtureTokens.Named("valid-full").Token, 8192, out var token, out _);

        Assert.True(ok);
        var payload = token!.Payload;
        Assert.Equal("RS256", token.Algorithm);
        Assert.Equal("access", payload.Type);
        Assert.Equal("1864213360487714816", payload.Subject);
        Assert.Equal("kiwi-demo", payload.Issuer);
        Assert.Equal("user", payload.Role);
        Assert.Equal(["read", "write"], payload.Scopes);
        Assert.Equal("web", payload.DeviceType);
        Assert.Equal("d-42", payload.DeviceId);
        Assert.Equal("0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e", payload.OrganizationId);
        Assert.Equal(4102444800, payload.ExpiresAt);
    }

    [Fact]
    public void Reads_null_scopes_as_no_scopes()
    {
        var ok = KiwiTokenParser.TryParse(FixtureTokens.Named("valid-null-scopes").Token, 8192, out var token, out _);

        Assert.True(ok);
        Assert.Empty(token!.Payload.Scopes);
    }

    [Theory]
    [InlineData("two-segments")]
    [InlineData("not-base64")]
    public void Rejects_fixture_tokens_that_are_not_three_base64url_segments(string name)
    {
        var ok = KiwiTokenParser.TryParse(FixtureTokens.Named(name).Token, 8192, out var token, out var reason);

        Assert.False(ok);
        Assert.Null(token);
        Assert.Equal(TokenFailureReasons.Malformed, reason);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ==.e30.c2ln")]
    [InlineData("eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.e30+.c2ln")]
    [InlineData("eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.e30.c2ln")]
    [InlineData("eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.WzFd.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.Z9.c2ln")]
    [InlineData("Z9.eyJ0eXBlIjoiYWNjZXNzIn0.c2ln")]
    public void Rejects_malformed_tokens(string raw)
    {
        Assert.False(KiwiTokenParser.TryParse(raw, 8192, out _, out var reason));
        Assert.Equal(TokenFailureReasons.Malformed, reason);
    }

    [Fact]
    public void Rejects_a_token_longer_than_the_maximum()
    {
        var raw = FixtureTokens.Named("valid-full").Token;

        Assert.False(KiwiTokenParser.TryParse(raw, raw.Length - 1, out _, out var reason));
        Assert.Equal(TokenFailureReasons.TooLong, reason);
    }

    [Fact]
    public void Short_hash_is_a_prefix_of_the_sha256_and_not_of_the_token()
    {
        KiwiTokenParser.TryParse(FixtureTokens.Named("valid-full").Token, 8192, out var token, out _);

        Assert.Equal(64, token!.Hash.Length);
        Assert.StartsWith(token.ShortHash, token.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(token.ShortHash, token.Raw, StringComparison.Ordinal);
    }
}
