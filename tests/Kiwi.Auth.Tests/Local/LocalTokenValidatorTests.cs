using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Local;

public sealed class LocalTokenValidatorTests
{
    public static TheoryData<string> FixtureNames => FixtureTokens.Names();

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task Gives_every_fixture_token_its_expected_verdict(string name)
    {
        var fixture = FixtureTokens.Named(name);
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(fixture.Token);

        Assert.Equal(fixture.IsValid ? TokenVerdictKind.Valid : TokenVerdictKind.Invalid, verdict.Kind);
    }

    [Theory]
    [InlineData("expired", TokenFailureReasons.Expired)]
    [InlineData("wrong-key", TokenFailureReasons.BadSignature)]
    [InlineData("tampered-payload", TokenFailureReasons.BadSignature)]
    [InlineData("alg-none", TokenFailureReasons.Malformed)]
    [InlineData("alg-hs256-public-key", TokenFailureReasons.BadAlgorithm)]
    [InlineData("type-password-reset", TokenFailureReasons.NotAccessToken)]
    [InlineData("two-segments", TokenFailureReasons.Malformed)]
    [InlineData("not-base64", TokenFailureReasons.Malformed)]
    public async Task Names_why_an_invalid_fixture_token_is_rejected(string name, string reason)
    {
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(FixtureTokens.Named(name).Token);

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public async Task A_valid_token_gives_the_user_of_its_claims_without_a_profile()
    {
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        var user = verdict.User!;
        Assert.Equal(TestTokens.UserId, user.Id);
        Assert.Equal("kiwi-demo", user.Application);
        Assert.Equal("user", user.Role);
        Assert.Equal(["read", "write"], user.Scopes);
        Assert.Equal("web", user.DeviceType);
        Assert.Equal("d-42", user.DeviceId);
        Assert.Equal("0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e", user.OrganizationId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(TestTokens.FarFuture), user.ExpiresAt);
        Assert.Null(user.Profile);
    }

    [Fact]
    public async Task Accepts_kiwi_users_own_header_without_typ_or_kid()
    {
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(TestTokens.Kiwi());

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
    }

    [Theory]
    [InlineData("""{"alg":"RS256","typ":"JWT","kid":"some-other-key"}""")]
    [InlineData("""{"alg":"RS256","typ":"at+jwt"}""")]
    [InlineData("""{"alg":"RS256"}""")]
    public async Task Ignores_the_rest_of_the_header_as_kiwi_user_does(string header)
    {
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(TestTokens.Sign(header, TestTokens.Payload(), "RS256"));

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
    }

    [Fact]
    public async Task Never_trusts_a_key_embedded_in_the_header()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var forger = TestTokens.ForgerKey.ExportParameters(false);
        var header = "{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\",\"n\":\"" + Base64Url(forger.Modulus!)
            + "\",\"e\":\"" + Base64Url(forger.Exponent!) + "\"}}";
        var token = TestTokens.Sign(header, TestTokens.Payload(), "RS256", TestTokens.ForgerKey);

        var verdict = await harness.VerdictAsync(token);

        Assert.Equal(TokenFailureReasons.BadSignature, verdict.Reason);
    }

    [Theory]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("HS256")]
    public async Task Rejects_every_algorithm_but_RS256(string algorithm)
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var token = TestTokens.Sign(TestTokens.Header(algorithm), TestTokens.Payload(), algorithm);

        var verdict = await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(TokenFailureReasons.BadAlgorithm, verdict.Reason);
        Assert.Equal(1, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Rejects_alg_none_even_with_a_signature_segment()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var unsigned = TestTokens.Sign(TestTokens.Header("none"), TestTokens.Payload(), "none");

        var verdict = await harness.VerdictAsync(unsigned + "AAAA");

        Assert.Equal(TokenFailureReasons.BadAlgorithm, verdict.Reason);
    }

    [Theory]
    [InlineData("padded-header")]
    [InlineData("padded-signature")]
    [InlineData("base64-not-base64url")]
    [InlineData("two-segments")]
    [InlineData("four-segments")]
    [InlineData("empty-signature")]
    public async Task Rejects_tokens_that_are_not_three_unpadded_base64url_segments(string variant)
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var parts = TestTokens.Kiwi().Split('.');

        var raw = variant switch
        {
            "padded-header" => $"{parts[0]}==.{parts[1]}.{parts[2]}",
            "padded-signature" => $"{parts[0]}.{parts[1]}.{parts[2]}=",
            "base64-not-base64url" => $"{parts[0]}.{parts[1]}.{parts[2].Replace('-', '+').Replace('_', '/')}+/",
            "two-segments" => $"{parts[0]}.{parts[1]}",
            "four-segments" => $"{parts[0]}.{parts[1]}.{parts[2]}.{parts[2]}",
            _ => $"{parts[0]}.{parts[1]}.",
        };

        var verdict = await harness.VerdictAsync(raw);

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(TokenFailureReasons.Malformed, verdict.Reason);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("one-byte")]
    [InlineData("doubled")]
    [InlineData("one-bit-flipped")]
    [InlineData("last-byte-changed")]
    [InlineData("zeros")]
    public async Task A_signature_of_the_wrong_bytes_or_length_is_a_bad_signature_not_a_failure(string variant)
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var parts = TestTokens.Kiwi().Split('.');
        var signature = Convert.FromBase64String(ToBase64(parts[2]));

        byte[] forged = variant switch
        {
            "truncated" => signature[..128],
            "one-byte" => [signature[0]],
            "doubled" => [.. signature, .. signature],
            "one-bit-flipped" => Flip(signature, 17),
            "last-byte-changed" => Flip(signature, signature.Length - 1),
            _ => new byte[signature.Length],
        };

        var verdict = await harness.VerdictAsync($"{parts[0]}.{parts[1]}.{ToBase64Url(forged)}");

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(TokenFailureReasons.BadSignature, verdict.Reason);
    }

    [Fact]
    public async Task The_signature_covers_the_header_and_payload_as_written()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var parts = TestTokens.Kiwi().Split('.');
        var header = ToBase64Url(System.Text.Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT"}"""));

        var verdict = await harness.VerdictAsync($"{header}.{parts[1]}.{parts[2]}");

        Assert.Equal(TokenFailureReasons.BadSignature, verdict.Reason);
    }

    [Theory]
    [InlineData('x')]
    [InlineData('_')]
    [InlineData('-')]
    public async Task A_last_signature_character_with_unused_bits_set_is_a_bad_signature(char last)
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var token = TestTokens.Kiwi();

        var verdict = await harness.VerdictAsync(string.Concat(token.AsSpan(0, token.Length - 1), last.ToString()));

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(TokenFailureReasons.BadSignature, verdict.Reason);
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static string ToBase64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }

    private static string ToBase64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [InlineData("""["access"]""")]
    [InlineData("\"access\"")]
    [InlineData("""{"type":"access","sub":"1864213360487714816","iss":"kiwi-demo"}""")]
    [InlineData("""{"type":"access","exp":"4102444800","sub":"1864213360487714816"}""")]
    [InlineData("""{"type":"access","exp":4102444800.5,"sub":"1864213360487714816"}""")]
    [InlineData("""{"type":"access","exp":null,"sub":"1864213360487714816"}""")]
    [InlineData("""{"type":"access","exp":4102444800}""")]
    [InlineData("""{"type":"access","exp":4102444800,"sub":""}""")]
    [InlineData("""{"type":"access","exp":4102444800,"sub":1864213360487714816}""")]
    [InlineData("""{"exp":4102444800,"sub":"1864213360487714816"}""")]
    [InlineData("not json")]
    public async Task Rejects_validly_signed_payloads_without_kiwis_claims(string payload)
    {
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(TestTokens.Kiwi(payload));

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(TokenFailureReasons.Malformed, verdict.Reason);
    }

    [Theory]
    [InlineData("refresh")]
    [InlineData("password_reset")]
    [InlineData("Access")]
    [InlineData("")]
    public async Task Rejects_validly_signed_tokens_of_another_type(string type)
    {
        using var harness = await LocalHarness.WithKeyAsync();

        var verdict = await harness.VerdictAsync(TestTokens.Kiwi(TestTokens.Payload(type: type)));

        Assert.Equal(TokenFailureReasons.NotAccessToken, verdict.Reason);
    }

    [Theory]
    [InlineData(0, TokenVerdictKind.Valid)]
    [InlineData(30, TokenVerdictKind.Valid)]
    [InlineData(31, TokenVerdictKind.Invalid)]
    [InlineData(3600, TokenVerdictKind.Invalid)]
    public async Task Accepts_an_expired_token_only_within_the_default_30_second_skew(
        int secondsPastExpiry, TokenVerdictKind expected)
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var exp = LocalHarness.Now.ToUnixTimeSeconds() - secondsPastExpiry;

        var verdict = await harness.VerdictAsync(TestTokens.Kiwi(TestTokens.Payload(exp: exp)));

        Assert.Equal(expected, verdict.Kind);
        Assert.Equal(expected == TokenVerdictKind.Valid ? "" : TokenFailureReasons.Expired, verdict.Reason);
    }

    [Fact]
    public async Task Uses_the_configured_skew_and_the_apps_clock()
    {
        using var harness = await LocalHarness.WithKeyAsync(o => o.ClockSkew = TimeSpan.Zero);
        var token = TestTokens.Kiwi(TestTokens.Payload(exp: LocalHarness.Now.ToUnixTimeSeconds() + 60));

        var before = await harness.VerdictAsync(token);
        harness.Time.Advance(TimeSpan.FromSeconds(61));
        var after = await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Valid, before.Kind);
        Assert.Equal(TokenFailureReasons.Expired, after.Reason);
    }

    [Fact]
    public async Task Accepts_only_listed_applications_when_a_list_is_set()
    {
        using var harness = await LocalHarness.WithKeyAsync(o => o.Applications = ["kiwi-demo", "kiwi-admin"]);

        var listed = await harness.VerdictAsync(TestTokens.Kiwi(TestTokens.Payload(iss: "kiwi-admin")));
        var other = await harness.VerdictAsync(TestTokens.Kiwi(TestTokens.Payload(iss: "kiwi-other")));

        Assert.Equal(TokenVerdictKind.Valid, listed.Kind);
        Assert.Equal(TokenFailureReasons.ApplicationNotAccepted, other.Reason);
    }

    [Fact]
    public async Task Pins_RS256_itself_when_called_without_the_shared_rules()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var rs512 = TestTokens.Sign(TestTokens.Header("RS512"), TestTokens.Payload(), "RS512");
        var token = Parse(rs512);

        var verdict = await harness.Validator.ValidateAsync(token, CancellationToken.None);

        Assert.Equal(TokenFailureReasons.BadAlgorithm, verdict.Reason);
        Assert.Equal(1, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Checks_expiry_itself_when_called_without_the_shared_rules()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var token = Parse(FixtureTokens.Named("expired").Token);

        var verdict = await harness.Validator.ValidateAsync(token, CancellationToken.None);

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(TokenFailureReasons.Expired, verdict.Reason);
    }

    [Fact]
    public async Task Checks_the_application_itself_when_called_without_the_shared_rules()
    {
        using var harness = await LocalHarness.WithKeyAsync(o => o.Applications = ["kiwi-admin"]);
        var token = Parse(FixtureTokens.Named("valid-full").Token);

        var verdict = await harness.Validator.ValidateAsync(token, CancellationToken.None);

        Assert.Equal(TokenFailureReasons.ApplicationNotAccepted, verdict.Reason);
    }

    [Fact]
    public async Task Picks_up_reloaded_options_without_a_restart()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var token = Parse(FixtureTokens.Named("valid-full").Token);
        var before = await harness.Validator.ValidateAsync(token, CancellationToken.None);

        harness.Options = new KiwiAuthOptions { Mode = KiwiAuthMode.Local, Applications = ["kiwi-admin"] };
        var after = await harness.Validator.ValidateAsync(token, CancellationToken.None);

        Assert.Equal(TokenVerdictKind.Valid, before.Kind);
        Assert.Equal(TokenFailureReasons.ApplicationNotAccepted, after.Reason);
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static KiwiToken Parse(string raw)
    {
        Assert.True(KiwiTokenParser.TryParse(raw, 8192, out var token, out _));
        return token!;
    }
}
