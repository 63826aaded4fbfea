using System.Net;

namespace Kiwi.User.Emulator.Tests;

/// <summary>The xunit fixture shipped in the emulator assembly, used as a consumer would use it.</summary>
public sealed class FixtureClassTests(FixtureClassTests.FixtureUsersEmulator fixture)
    : IClassFixture<FixtureClassTests.FixtureUsersEmulator>
{
    [Fact]
    public async Task The_fixture_starts_an_emulator_with_the_options_of_the_derived_class()
    {
        using var client = fixture.CreateClient();

        var ping = await client.GetAsync("/ping");
        var users = await client.PostAsync("/internal/user/infos",
            new StringContent("{\"user_ids\":[\"1864213360487714816\",\"1864213360487714818\"]}"));

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Contains("\"name\":\"fixture-user-2\"", await users.Content.ReadAsStringAsync());
        Assert.Equal(fixture.Emulator.BaseAddress, fixture.BaseAddress);
    }

    public sealed class FixtureUsersEmulator : KiwiUserEmulatorFixture
    {
        protected override KiwiUserEmulatorOptions CreateOptions() => new() { Seed = EmulatorSeeds.Fixtures };
    }
}
