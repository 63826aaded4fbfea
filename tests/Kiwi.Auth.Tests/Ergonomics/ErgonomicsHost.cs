using System.Net.Http.Headers;
using System.Text.Json;
using Kiwi.Auth.Tests.Support;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary>A loopback API whose validator trusts the token's payload (or answers what a test sets), so tests
/// look at what the handler does around the verdict: sources, events, errors, envelopes.</summary>
public static class ErgonomicsHost
{
    public static Task<LoopbackHost> StartAsync(
        Action<KiwiAuthOptions>? configure,
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null,
        ITokenValidator? validator = null)
    {
        return LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddKiwiAuth(o =>
                {
                    o.BaseUrl = new Uri("http://127.0.0.1:9/");
                    configure?.Invoke(o);
                });
                builder.Services.AddKeyedSingleton(KiwiAuthMode.Remote, validator ?? new PayloadTrustingValidator());
                builder.Services.AddAuthorization();
                services?.Invoke(builder.Services);
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                map(app);
            });
    }

    public static async Task<HttpResponseMessage> GetAsync(
        this LoopbackHost host, string path, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        return await host.Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task AssertKiwiErrorAsync(HttpResponseMessage response, int code)
    {
        var body = await response.JsonAsync();
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }
}
