using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>A raw answer: status, content type and the exact body text.</summary>
public sealed record RawAnswer(HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Message)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    public int Code => Json.GetProperty("error").GetProperty("code").GetInt32();

    public string Msg => Json.GetProperty("error").GetProperty("msg").GetString()!;
}

/// <summary>Talks to an emulator over real HTTP and keeps the raw bytes for exact comparisons.</summary>
public sealed class EmulatorHttp(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient Client => _client;

    public Task<RawAnswer> PostAsync(string path, string body, string? bearer = null) =>
        SendAsync(HttpMethod.Post, path, body, bearer);

    public Task<RawAnswer> PutAsync(string path, string body, string? bearer = null) =>
        SendAsync(HttpMethod.Put, path, body, bearer);

    public Task<RawAnswer> GetAsync(string path, string? bearer = null) =>
        SendAsync(HttpMethod.Get, path, null, bearer);

    public async Task<RawAnswer> SendAsync(
        HttpMethod method, string path, string? body, string? bearer = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        configure?.Invoke(request);
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RawAnswer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text, response);
    }

    /// <summary>Logs in with a password and returns the LoginResponse data.</summary>
    public async Task<JsonElement> LoginAsync(
        string name, string password, string deviceType = "web", string deviceId = "device-1",
        string application = "kiwi-demo")
    {
        var body = JsonSerializer.Serialize(new
        {
            application_name = application,
            name,
            password,
            device = new { device_type = deviceType, device_id = deviceId },
        });
        var answer = await PostAsync("/v1/login/password", body);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Data.Clone();
    }

    public void Dispose() => _client.Dispose();
}
