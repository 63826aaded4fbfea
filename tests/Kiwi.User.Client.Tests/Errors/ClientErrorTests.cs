using System.Net;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Tests.Fakes;

namespace Kiwi.User.Client.Tests.Errors;

public sealed class ClientErrorTests
{
    private static readonly PasswordLoginRequest Login = new("kiwi-demo", "alice", "wrong", Fakes.Wire.Device);
    private readonly RecordingHandler handler = new();

    [Fact]
    public async Task A_403_envelope_throws_the_forbidden_exception_with_kiwis_code_and_message()
    {
        var client = Fakes.Wire.Client(
            handler.AnswerError(HttpStatusCode.Forbidden, 20005, "Forbidden: user not found"));

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => client.LoginWithPasswordAsync(Login));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal(KiwiErrorCodes.Forbidden, exception.Code);
        Assert.Equal("Forbidden: user not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task A_400_envelope_sent_as_plain_text_throws_the_base_exception_with_kiwis_code()
    {
        var client = Fakes.Wire.Client(handler.Answer(
            HttpStatusCode.BadRequest,
            """{"status":"error","error":{"code":20002,"msg":"Bad Request"},"data":null}""",
            "text/plain"));

        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => client.LoginWithPasswordAsync(Login));

        Assert.IsNotType<KiwiUserForbiddenException>(exception);
        Assert.IsNotType<KiwiUserUnavailableException>(exception);
        Assert.Equal(KiwiErrorCodes.BadRequest, exception.Code);
        Assert.Equal("Bad Request", exception.KiwiMessage);
    }

    [Theory]
    [InlineData("null", "\"r\"", "\"1\"", 1_764_807_000, 1_764_892_800)]
    [InlineData("\"a.b.c\"", "null", "\"1\"", 1_764_807_000, 1_764_892_800)]
    [InlineData("\"a.b.c\"", "\"r\"", "\"\"", 1_764_807_000, 1_764_892_800)]
    [InlineData("\"a.b.c\"", "\"r\"", "\"1\"", 0, 1_764_892_800)]
    [InlineData("\"a.b.c\"", "\"r\"", "\"1\"", 1_764_807_000, 1_000_000_000_000_000)]
    public async Task A_200_login_without_usable_tokens_is_unavailable_not_a_session_that_fails_later(
        string accessToken, string refreshToken, string userId, long accessExpiry, long refreshExpiry)
    {
        var body = $$$"""
            {"status":"success","error":null,"data":{
            "access_token":{{{accessToken}}},"refresh_token":{{{refreshToken}}},"user_id":{{{userId}}},
            "access_token_expires_at":{{{accessExpiry}}},"refresh_token_expires_at":{{{refreshExpiry}}},
            "type":"Bearer","device_type":"web","device_id":"d"}}
            """;
        var client = Fakes.Wire.Client(handler.Answer(HttpStatusCode.OK, body));

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(
            () => client.LoginWithPasswordAsync(Login));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"code":0,"msg":"Forbidden"}""")]
    [InlineData("""{"code":20005}""")]
    public async Task A_403_whose_error_lacks_kiwis_code_or_message_is_unavailable_not_a_refusal(string error)
    {
        var client = Fakes.Wire.Client(handler.Answer(
            HttpStatusCode.Forbidden, $$"""{"status":"error","error":{{error}},"data":null}"""));

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(
            () => client.RefreshAsync(new RefreshTokenRequest("1", "r", Fakes.Wire.Device)));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Null(exception.Code);
    }

    [Fact]
    public async Task A_401_envelope_throws_the_base_exception()
    {
        var client = Fakes.Wire.Client(handler.AnswerError(HttpStatusCode.Unauthorized, 20003, "Unauthorized"));

        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => client.GetUserInfoAsync("a.b.c"));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(KiwiErrorCodes.Unauthorized, exception.Code);
    }

    [Fact]
    public async Task A_500_envelope_throws_the_unavailable_exception_with_kiwis_code()
    {
        var client = Fakes.Wire.Client(
            handler.AnswerError(HttpStatusCode.InternalServerError, 20001, "Server Internal Error"));

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.GetPublicKeyAsync());

        Assert.Equal(KiwiErrorCodes.InternalError, exception.Code);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
    }

    [Fact]
    public async Task An_html_answer_throws_the_unavailable_exception()
    {
        var client = Fakes.Wire.Client(
            handler.Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"));

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.VerifyTokenAsync("a.b.c"));

        Assert.Null(exception.Code);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
    }

    [Fact]
    public async Task A_plain_text_404_throws_the_unavailable_exception()
    {
        var client = Fakes.Wire.Client(handler.Answer(HttpStatusCode.NotFound, "404 page not found", "text/plain"));

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.PingAsync());
    }

    [Fact]
    public async Task A_success_status_without_data_throws_the_unavailable_exception()
    {
        var client = Fakes.Wire.Client(
            handler.Answer(HttpStatusCode.OK, """{"status":"success","error":null,"data":null}"""));

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.GetUserInfoAsync("a.b.c"));
    }

    [Fact]
    public async Task A_refused_connection_throws_the_unavailable_exception()
    {
        var client = Fakes.Wire.Client(handler.Throw(new HttpRequestException("connection refused")));

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.VerifyTokenAsync("a.b.c"));

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Null(exception.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_call_throws_operation_cancelled_not_a_kiwi_exception()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Success));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PingAsync(cancellation.Token));
    }

    [Fact]
    public async Task An_empty_access_token_is_refused_before_any_call()
    {
        var client = Fakes.Wire.Client(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetUserInfoAsync(""));

        Assert.Empty(handler.Requests);
    }
}
