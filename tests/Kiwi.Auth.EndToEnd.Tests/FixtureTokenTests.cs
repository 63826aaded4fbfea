using System.Net;
using System.Text.Json;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests;

/// <summary>Every token of tests/fixtures, made in kiwi-user's exact format, against the sample validating through
/// an emulator that holds the fixture key and users.</summary>
public sealed class FixtureTokenTests : IAsyncLifetime
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    private KiwiUserEmulator _emulator = null!;
    private SampleServer _sample = null!;

    public static TheoryData<string, string> Tokens()
    {
        var data = new TheoryData<string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "tokens.json")));
        foreach (var token in document.RootElement.EnumerateArray())
        {
            data.Add(token.GetProperty("name").GetString()!, token.GetProperty("expected").GetString()!);
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Seed = EmulatorSeeds.Fixtures,
            SigningKeyFile = Path.Combine(Fixtures, "kiwi-fixture-private.pem"),
        });
        _sample = await SampleServer.StartAsync(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _sample.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Fixture_tokens_get_200_when_valid_and_401_when_invalid(string name, string expected)
    {
        using var response = await _sample.GetAsync("/v1/profile", TokenNamed(name));

        Assert.Equal(expected == "valid" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string TokenNamed(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, "tokens.json")));
        return document.RootElement.EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == name).GetProperty("token").GetString()!;
    }
}
