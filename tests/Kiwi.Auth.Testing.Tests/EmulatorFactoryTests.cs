using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kiwi.Auth.Samples.Controllers.Controllers;
using Kiwi.User.Emulator;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kiwi.Auth.Testing.Tests;

/// <summary>The other way to test: the API validates remotely against an emulator the test starts, with real
/// logins.</summary>
public sealed class EmulatorFactoryTests(KiwiUserEmulatorFixture emulator, WebApplicationFactory<ProfileController> factory)
    : IClassFixture<KiwiUserEmulatorFixture>, IClassFixture<WebApplicationFactory<ProfileController>>
{
    [Fact]
    public async Task A_token_from_an_emulator_login_is_accepted()
    {
        var token = await LoginAsync("alice", "alice-password");
        using var client = factory.WithKiwiEmulator(emulator.Emulator).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1864213360487714901", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(emulator.Control.RequestCount("/v1/token/verify") >= 1);
    }

    [Fact]
    public async Task A_token_issued_through_the_emulator_control_is_accepted()
    {
        var token = emulator.Control.IssueAccessToken("1864213360487714902");
        using var client = factory.WithKiwiEmulator(emulator.Emulator).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var notes = await client.GetAsync("/api/notes");

        Assert.Equal(HttpStatusCode.Forbidden, notes.StatusCode);
    }

    private async Task<string> LoginAsync(string name, string password)
    {
        using var client = emulator.CreateClient();
        using var response = await client.PostAsJsonAsync("v1/login/password", new
        {
            application_name = "kiwi-demo",
            name,
            password,
            device = new { device_type = "web", device_id = "factory-test" },
        });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").GetProperty("access_token").GetString()!;
    }
}
