using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

public sealed class StartupTests : EmulatorTest
{
    [Fact]
    public void Listens_on_a_free_loopback_port()
    {
        Assert.Equal("127.0.0.1", Emulator.BaseAddress.Host);
        Assert.NotEqual(0, Emulator.BaseAddress.Port);
        Assert.EndsWith("/", Emulator.BaseAddress.AbsoluteUri);
    }

    [Fact]
    public async Task Ping_answers_success_in_the_envelope()
    {
        var answer = await Http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json; charset=utf-8", answer.ContentType);
        Assert.Equal("{\"status\":\"success\",\"error\":null,\"data\":{\"success\":true}}", answer.Body);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_different_ports()
    {
        await using var other = await KiwiUserEmulator.StartAsync();

        Assert.NotEqual(Emulator.BaseAddress.Port, other.BaseAddress.Port);
        using var http = new EmulatorHttp(other.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ping")).Status);
    }

    [Theory]
    [InlineData("alice", "alice-password", "1864213360487714901")]
    [InlineData("bob", "bob-password", "1864213360487714902")]
    public async Task The_demo_seed_has_alice_and_bob(string name, string password, string userId)
    {
        var login = await Http.LoginAsync(name, password);

        Assert.Equal(userId, login.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task A_PKCS8_signing_key_is_refused_as_kiwi_user_refuses_it()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var pkcs8 = rsa.ExportPkcs8PrivateKeyPem();

        await Assert.ThrowsAsync<ArgumentException>(
            () => KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions { SigningKeyPem = pkcs8 }));
    }

    [Fact]
    public async Task The_seed_files_in_the_output_equal_the_built_in_seeds()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seeds");

        var demo = EmulatorSeeds.Load(Path.Combine(folder, "demo.json"));
        var fixtures = EmulatorSeeds.Load(Path.Combine(folder, "fixtures.json"));

        Assert.Equal(EmulatorSeeds.Demo.Users.Select(u => u.Id), demo.Users.Select(u => u.Id));
        Assert.Equal(EmulatorSeeds.Fixtures.Users.Select(u => u.Id), fixtures.Users.Select(u => u.Id));
        await Task.CompletedTask;
    }

    [Fact]
    public void No_appsettings_json_is_in_the_build_output()
    {
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
    }
}
