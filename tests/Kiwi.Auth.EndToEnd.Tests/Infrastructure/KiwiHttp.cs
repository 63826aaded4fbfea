using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kiwi.Auth.EndToEnd.Tests.Infrastructure;

/// <summary>Talks to an emulator over HTTP as a front end would, and checks kiwi's envelope.</summary>
public static class KiwiHttp
{
    public const string AliceId = "1864213360487714901";

    public static async Task<string> LoginAsync(Uri emulator, string name, string password)
    {
        using var client = new HttpClient { BaseAddress = emulator };
        using var response = await client.PostAsJsonAsync("v1/login/password", new
        {
            application_name = "kiwi-demo",
            name,
            password,
            device = new { device_type = "web", device_id = "e2e" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").GetProperty("access_token").GetString()!;
    }

    public static async Task AssertEnvelopeAsync(HttpResponseMessage response, int code, string messageStart)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal("error", root.GetProperty("status").GetString());
        Assert.Equal(code, root.GetProperty("error").GetProperty("code").GetInt32());
        var message = root.GetProperty("error").GetProperty("msg").GetString();
        Assert.StartsWith(messageStart, message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data").ValueKind);
    }

    public static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Empty(response.Headers.WwwAuthenticate);
        await AssertEnvelopeAsync(response, 20001, "Service Unavailable");
    }
}
