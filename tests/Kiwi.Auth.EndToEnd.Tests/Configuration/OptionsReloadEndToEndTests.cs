using System.Net;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.Auth.EndToEnd.Tests.LocalMode;
using Kiwi.User.Emulator;
using Microsoft.Extensions.Configuration;

namespace Kiwi.Auth.EndToEnd.Tests.Configuration;

/// <summary>
/// The sample on Kestrel with its KiwiAuth section in a JSON file it watches (<c>reloadOnChange</c>). Edited into
/// invalid values at runtime, the file is refused: tokens get the same answers as before (never a 500, never a
/// let-in) and the refusal is logged. A valid edit afterwards applies. The verdict cache is off so that every
/// request goes the whole way to kiwi-user.
/// </summary>
public sealed class OptionsReloadEndToEndTests : IAsyncLifetime
{
    private const string Refused = "KiwiAuthOptionsReloadRefused";
    private const string Verify = "/v1/token/verify";
    private const string ValidSection = """{"BaseUrl":"@kiwi","CacheDuration":"0"}""";

    private KiwiUserEmulator _emulator = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KiwiUserEmulator.StartAsync();
        _token = await KiwiHttp.LoginAsync(_emulator.BaseAddress, "alice", "alice-password");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("""{"BaseUrl":"@kiwi","CacheDuration":"0","Timeout":"-00:00:01"}""", "KiwiAuth:Timeout")]
    [InlineData("""{"Mode":"Local","CacheDuration":"0"}""", "KiwiAuth:BaseUrl")]
    [InlineData("""{"BaseUrl":"@kiwi","CacheDuration":"0","Retries":"many"}""", "KiwiAuth:Retries")]
    [InlineData("""{"BaseUrl":"@kiwi","CacheDuration":"0","LocalBypass":{"Enabled":true}}""",
        "KiwiAuth:LocalBypass:Enabled")]
    public async Task An_edit_into_invalid_options_is_refused_and_every_request_keeps_its_answer(
        string section, string setting)
    {
        using var file = SettingsFile.Create(Settings(ValidSection, edit: 0));
        await using var sample = await StartSampleAsync(file);
        using (var before = await sample.GetAsync("/v1/profile", _token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await EditAsync(sample, file, section, edit: 1);
        var verifiesBefore = _emulator.Control.RequestCount(Verify);
        using var valid = await sample.GetAsync("/v1/profile", _token);
        using var garbage = await sample.GetAsync("/v1/profile", "not-a-token");
        using var none = await sample.GetAsync("/v1/profile");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains(KiwiHttp.AliceId, await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(_emulator.Control.RequestCount(Verify) > verifiesBefore);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        await KiwiHttp.AssertEnvelopeAsync(garbage, 20003, "Unauthorized: ");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.True(await LocalModeWait.UntilAsync(() => Task.FromResult(sample.LogCount(Refused) > 0)));
        Assert.All(RefusalMessages(sample), m => Assert.Contains(setting, m, StringComparison.Ordinal));
        Assert.Equal(0, sample.LogCount("AuthenticationCrashed"));
    }

    [Fact]
    public async Task A_valid_edit_after_a_refused_one_takes_effect()
    {
        using var file = SettingsFile.Create(Settings(ValidSection, edit: 0));
        await using var sample = await StartSampleAsync(file);
        await EditAsync(sample, file, """{"BaseUrl":"@kiwi","CacheDuration":"0","Timeout":"-00:00:01"}""", edit: 1);
        using (var refused = await sample.GetAsync("/v1/profile", "not-a-token"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        }

        await EditAsync(sample, file, """{"BaseUrl":"@kiwi","CacheDuration":"0","ErrorFormat":"ProblemDetails"}""", 2);

        Assert.True(await LocalModeWait.UntilAsync(async () =>
        {
            using var garbage = await sample.GetAsync("/v1/profile", "not-a-token");
            Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
            return garbage.Content.Headers.ContentType?.MediaType == "application/problem+json";
        }));
        using var valid = await sample.GetAsync("/v1/profile", _token);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(1, sample.LogCount("KiwiAuthOptionsReloadAccepted"));
    }

    private static Task<SampleServer> StartSampleAsync(SettingsFile file) => SampleServer.StartAsync(
        kiwiUser: null, configure: builder => builder.Configuration.AddJsonFile(file.Path, false, true));

    /// <summary>Writes the file and waits until the sample's configuration holds it, as the watcher reloads it
    /// a moment after the write.</summary>
    private async Task EditAsync(SampleServer sample, SettingsFile file, string section, int edit)
    {
        file.Write(Settings(section, edit));
        var marker = edit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await LocalModeWait.UntilAsync(() => Task.FromResult(sample.Configuration["Edit"] == marker)));
    }

    private static IEnumerable<string> RefusalMessages(SampleServer sample) =>
        sample.Logs.GetSnapshot().Where(r => r.Id.Name == Refused).Select(r => r.Message);

    /// <summary>The file: the KiwiAuth section, with kiwi-user's address for <c>@kiwi</c>, and a number that says
    /// which edit the configuration holds.</summary>
    private string Settings(string section, int edit) =>
        $$"""{"Edit":{{edit}},"KiwiAuth":{{section.Replace("@kiwi", _emulator.BaseAddress.ToString(),
            StringComparison.Ordinal)}}}""";
}
