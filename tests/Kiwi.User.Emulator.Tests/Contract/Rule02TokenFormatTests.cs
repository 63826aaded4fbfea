using System.Text.RegularExpressions;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>Contract rule 2: tokens exactly in kiwi's format, and the PKIX public key PEM.</summary>
public sealed partial class Rule02TokenFormatTests : EmulatorTest
{
    private const string FixedHeader = "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ";

    [Fact]
    public async Task Login_tokens_have_the_fixed_header_bytes()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        var token = login.GetProperty("access_token").GetString()!;
        Assert.Equal(FixedHeader, Jwt.Segments(token)[0]);
    }

    [Fact]
    public async Task Claims_come_in_kiwi_order_with_roles_as_a_string_and_an_empty_organization()
    {
        var login = await Http.LoginAsync("alice", "alice-password", "ios", "phone-7");

        var payload = Jwt.PayloadText(login.GetProperty("access_token").GetString()!);
        Assert.Matches(
            "^\\{\"type\":\"access\",\"iat\":\\d+,\"exp\":\\d+,\"sub\":\"1864213360487714901\",\"iss\":\"kiwi-demo\","
            + "\"roles\":\"user\",\"scopes\":\\[\"read\",\"write\"\\],"
            + "\"device_type\":\"ios\",\"device_id\":\"phone-7\","
            + "\"organization_id\":\"\"\\}$",
            payload);
    }

    [Fact]
    public async Task Segments_are_base64url_without_padding()
    {
        var login = await Http.LoginAsync("bob", "bob-password");

        var token = login.GetProperty("access_token").GetString()!;
        Assert.Equal(3, Jwt.Segments(token).Length);
        Assert.Matches(Base64UrlSegments(), token);
    }

    [Fact]
    public async Task Access_tokens_live_600_seconds_and_expires_at_equals_exp()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        var payload = System.Text.Json.JsonDocument.Parse(
            Jwt.PayloadText(login.GetProperty("access_token").GetString()!)).RootElement;
        var iat = payload.GetProperty("iat").GetInt64();
        var exp = payload.GetProperty("exp").GetInt64();
        Assert.Equal(600, exp - iat);
        Assert.Equal(exp, login.GetProperty("access_token_expires_at").GetInt64());
        Assert.Equal(iat + 86400, login.GetProperty("refresh_token_expires_at").GetInt64());
    }

    [Fact]
    public async Task Issued_tokens_verify_locally_with_the_published_public_key()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var published = (await Http.GetAsync("/v1/token/publickey")).Data.GetProperty("public_key").GetString()!;

        Assert.True(Jwt.VerifiesWith(login.GetProperty("access_token").GetString()!, published));
    }

    [Fact]
    public async Task The_public_key_is_PKIX_PEM_with_64_character_lines_and_a_trailing_newline()
    {
        var pem = (await Http.GetAsync("/v1/token/publickey")).Data.GetProperty("public_key").GetString()!;

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", pem);
        Assert.EndsWith("\n-----END PUBLIC KEY-----\n", pem);
        var lines = pem.Split('\n')[1..^2];
        Assert.All(lines[..^1], line => Assert.Equal(64, line.Length));
        Assert.InRange(lines[^1].Length, 1, 64);
        Assert.Equal(Control.PublicKeyPem, pem);
    }

    [Fact]
    public async Task Refresh_tokens_are_40_lowercase_hex_characters()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        Assert.Matches("^[0-9a-f]{40}$", login.GetProperty("refresh_token").GetString()!);
        Assert.Equal("Bearer", login.GetProperty("type").GetString());
    }

    [Fact]
    public void Control_minted_tokens_carry_the_given_claims()
    {
        var token = Control.IssueAccessToken(
            "1864213360487714902", "android", "tab-1", "5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f",
            TimeSpan.FromSeconds(30));

        var payload = Jwt.PayloadText(token);
        Assert.Contains("\"sub\":\"1864213360487714902\",\"iss\":\"kiwi-demo\",\"roles\":\"viewer\"", payload);
        Assert.Contains("\"scopes\":[\"read\"],\"device_type\":\"android\",\"device_id\":\"tab-1\"", payload);
        Assert.EndsWith("\"organization_id\":\"5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f\"}", payload);
        Assert.True(Jwt.VerifiesWith(token, Control.PublicKeyPem));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")]
    private static partial Regex Base64UrlSegments();
}
