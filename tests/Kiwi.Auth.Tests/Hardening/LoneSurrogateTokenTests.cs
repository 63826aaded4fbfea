using System.Buffers.Text;
using System.Net;
using System.Text;
using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Tests.Hardening;

/// <summary>A JSON string escape such as <c>\ud800</c> is valid JSON but not valid UTF-16: System.Text.Json's
/// <c>GetString</c> throws <see cref="InvalidOperationException"/> on it, not <c>JsonException</c>. kiwi-user
/// never signs such a token, so it is malformed (401), not a crash (503 and an error log per request).</summary>
public sealed class LoneSurrogateTokenTests
{
    private const string Header = "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ";

    private const string Signature = "c2ln";

    [Theory]
    [InlineData("""{"type":"access","exp":4102444800,"sub":"\ud800"}""")]
    [InlineData("""{"type":"\udc00","exp":4102444800,"sub":"1"}""")]
    [InlineData("""{"type":"access","exp":4102444800,"sub":"1","scopes":["\ud800"]}""")]
    [InlineData("""{"type":"access","exp":4102444800,"sub":"1","organization_id":"\ud800x"}""")]
    public void A_payload_string_with_a_lone_surrogate_is_malformed(string payload)
    {
        var raw = $"{Header}.{Encode(payload)}.{Signature}";

        Assert.False(KiwiTokenParser.TryParse(raw, 8192, out _, out var reason));
        Assert.Equal(TokenFailureReasons.Malformed, reason);
    }

    [Fact]
    public void A_header_alg_with_a_lone_surrogate_is_malformed()
    {
        var raw = $"{Encode("""{"alg":"\ud800"}""")}.{Encode("""{"type":"access","exp":1,"sub":"1"}""")}.{Signature}";

        Assert.False(KiwiTokenParser.TryParse(raw, 8192, out _, out var reason));
        Assert.Equal(TokenFailureReasons.Malformed, reason);
    }

    [Fact]
    public async Task Returns_401_without_an_error_log_for_a_token_with_a_lone_surrogate()
    {
        await using var api = await TestApi.StartAsync();
        var raw = $"{Header}.{Encode("""{"type":"access","exp":4102444800,"sub":"\ud800"}""")}.{Signature}";

        using var response = await api.Client.SendAsync(TestApi.GetWithBearer("/user", raw));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, api.KiwiUser.Calls);
        Assert.DoesNotContain(api.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
