using Kiwi.User.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>
/// Contract 7.2, strongest form: RS256 with PKCS#1 v1.5 is deterministic, so with the fixture key, the fixture
/// clock and the fixture claims the emulator must write exactly the fixture tokens kiwi-user's format produced.
/// </summary>
public sealed class Rule02ByteForByteTests : EmulatorTest
{
    private static readonly DateTimeOffset FixtureIssuedAt = DateTimeOffset.FromUnixTimeSeconds(1764806400);
    private static readonly TimeSpan FixtureLifetime = TimeSpan.FromSeconds(4102444800 - 1764806400);

    protected override KiwiUserEmulatorOptions CreateOptions() => new()
    {
        Seed = EmulatorSeeds.Fixtures,
        SigningKeyPem = Fixtures.PrivateKeyPem,
        TimeProvider = new FakeTimeProvider(FixtureIssuedAt),
    };

    [Theory]
    [InlineData("valid-full", "1864213360487714816", "web", "d-42")]
    [InlineData("valid-unicode", "1864213360487714818", "微信小程序", "设备-1")]
    public void Minted_tokens_equal_the_fixture_tokens_byte_for_byte(
        string name, string userId, string deviceType, string deviceId)
    {
        var expected = Fixtures.Tokens().Single(t => t.Name == name).Token;

        var token = Control.IssueAccessToken(
            userId, deviceType, deviceId, "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e", FixtureLifetime);

        Assert.Equal(expected, token);
    }
}
