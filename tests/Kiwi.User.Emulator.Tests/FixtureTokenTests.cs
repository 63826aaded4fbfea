using System.Net;
using System.Text.Json;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

/// <summary>
/// The fixture tokens of tests/fixtures, verified through the emulator's verify endpoint with the fixture key and
/// users. kiwi-user's verify does not check <c>type</c>, so <c>type-password-reset</c> verifies there (Kiwi.Auth
/// rejects it itself); every other token gets exactly its <c>expected</c> verdict.
/// </summary>
public sealed class FixtureTokenTests : EmulatorTest
{
    protected override KiwiUserEmulatorOptions CreateOptions() => new()
    {
        Seed = EmulatorSeeds.Fixtures,
        SigningKeyPem = Fixtures.PrivateKeyPem,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fixture_tokens_verify_as_the_contract_says(string name)
    {
        var (_, token, expected) = Fixtures.Tokens().Single(t => t.Name == name);
        var kiwiVerdict = name == "type-password-reset" ? true : expected == "valid";

        var answer = await Http.PostAsync("/v1/token/verify", JsonSerializer.Serialize(new { access_token = token }));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(kiwiVerdict, answer.Data.GetProperty("success").GetBoolean());
        Assert.Equal(kiwiVerdict ? JsonValueKind.Object : JsonValueKind.Null,
            answer.Data.GetProperty("user_info").ValueKind);
    }

    [Fact]
    public void The_published_key_is_byte_for_byte_the_fixture_public_key()
    {
        Assert.Equal(Fixtures.PublicKeyPem, Control.PublicKeyPem);
    }

    [Fact]
    public async Task A_valid_fixture_token_yields_its_user_with_the_token_organization()
    {
        var token = Fixtures.Tokens().Single(t => t.Name == "valid-full").Token;

        var answer = await Http.PostAsync("/v1/token/verify", JsonSerializer.Serialize(new { access_token = token }));

        var info = answer.Data.GetProperty("user_info");
        Assert.Equal("1864213360487714816", info.GetProperty("id").GetString());
        Assert.Equal("0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e", info.GetProperty("current_org_id").GetString());
    }

    [Fact]
    public async Task Emulator_tokens_signed_with_the_fixture_key_verify_with_the_fixture_public_key()
    {
        var login = await Http.LoginAsync("fixture-user", "fixture-password");

        Assert.True(Jwt.VerifiesWith(login.GetProperty("access_token").GetString()!, Fixtures.PublicKeyPem));
    }

    public static TheoryData<string> Names() => Fixtures.TokenNames();
}
