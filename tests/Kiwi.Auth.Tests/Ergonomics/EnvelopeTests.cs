using System.Net;
using System.Text.Json;
using Kiwi.Auth.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Tests.Ergonomics;

public sealed class EnvelopeTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _firstEventRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackHost _host = null!;

    public async Task InitializeAsync() => _host = await ErgonomicsHost.StartAsync(null, app =>
    {
        app.MapGet("/object", (KiwiUser user) => new { id = user.Id, role = user.Role })
            .RequireUser(wrapInEnvelope: true);
        app.MapGet("/plain", () => new { id = 1 }).RequireUser();

        var group = app.MapGroup("/v1").RequireUser().WithKiwiEnvelope();
        group.MapGet("/ok", () => TypedResults.Ok(new[] { 1, 2 }));
        group.MapPost("/created", () => TypedResults.Created("/v1/items/9", new { id = 9 }));
        group.MapGet("/text", () => "hello");
        group.MapGet("/empty", () => TypedResults.Ok());
        group.MapGet("/no-content", () => TypedResults.NoContent());
        group.MapGet("/not-found", () => TypedResults.NotFound(new { reason = "gone" }));
        group.MapGet("/set-401", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return new { reason = "token revoked" };
        });
        group.MapGet("/set-403-text", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return "not yours";
        });
        group.MapGet("/set-202", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return new { queued = true };
        });
        group.MapGet("/null", () => (object?)null);
        group.MapGet("/events", () => Results.Stream(
            async body =>
            {
                await body.WriteAsync("data: first\n\n"u8.ToArray());
                await body.FlushAsync();
                await _firstEventRead.Task.WaitAsync(TimeSpan.FromSeconds(60));
                await body.WriteAsync("data: second\n\n"u8.ToArray());
            },
            "text/event-stream"));
        group.MapGet("/throws", IResult () => throw new InvalidOperationException("handler failed"));
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        Assert.Equal("success", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("error").ValueKind);
        return body.GetProperty("data");
    }

    [Fact]
    public async Task RequireUser_can_wrap_a_plain_object_in_kiwis_success_envelope()
    {
        using var response = await _host.GetAsync("/object", TestTokens.Create(userId: "5", role: "owner"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = await DataAsync(response);
        Assert.Equal("5", data.GetProperty("id").GetString());
        Assert.Equal("owner", data.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Without_the_option_the_result_is_not_wrapped()
    {
        using var response = await _host.GetAsync("/plain", TestTokens.Create());

        var body = await response.JsonAsync();
        Assert.Equal(1, body.GetProperty("id").GetInt32());
        Assert.False(body.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task A_typed_result_on_a_group_is_wrapped()
    {
        using var response = await _host.GetAsync("/v1/ok", TestTokens.Create());

        var data = await DataAsync(response);
        Assert.Equal(2, data.GetArrayLength());
    }

    [Fact]
    public async Task A_201_keeps_its_status_and_location()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/created");
        request.Headers.Authorization = new("Bearer", TestTokens.Create());
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/v1/items/9", response.Headers.Location?.ToString());
        Assert.Equal(9, (await DataAsync(response)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Text_becomes_a_json_string()
    {
        using var response = await _host.GetAsync("/v1/text", TestTokens.Create());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hello", (await DataAsync(response)).GetString());
    }

    [Fact]
    public async Task An_empty_200_has_null_data()
    {
        using var response = await _host.GetAsync("/v1/empty", TestTokens.Create());

        Assert.Equal(JsonValueKind.Null, (await DataAsync(response)).ValueKind);
    }

    [Fact]
    public async Task A_204_and_errors_pass_through_unchanged()
    {
        using var noContent = await _host.GetAsync("/v1/no-content", TestTokens.Create());
        using var notFound = await _host.GetAsync("/v1/not-found", TestTokens.Create());

        Assert.Equal(HttpStatusCode.NoContent, noContent.StatusCode);
        Assert.Empty(await noContent.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("gone", (await notFound.JsonAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_failure_status_the_handler_set_is_kept_and_not_wrapped_as_success()
    {
        using var unauthorized = await _host.GetAsync("/v1/set-401", TestTokens.Create());
        using var forbidden = await _host.GetAsync("/v1/set-403-text", TestTokens.Create());

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("token revoked", (await unauthorized.JsonAsync()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("not yours", await forbidden.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_success_status_the_handler_set_is_kept_in_the_envelope()
    {
        using var response = await _host.GetAsync("/v1/set-202", TestTokens.Create());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await DataAsync(response)).GetProperty("queued").GetBoolean());
    }

    [Fact]
    public async Task A_null_result_is_null_data_and_a_throwing_handler_is_no_success()
    {
        using var empty = await _host.GetAsync("/v1/null", TestTokens.Create());
        using var failed = await _host.GetAsync("/v1/throws", TestTokens.Create());

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await DataAsync(empty)).ValueKind);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.DoesNotContain("success", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_is_not_wrapped_flows_to_the_client_before_it_ends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        request.Headers.Authorization = new("Bearer", TestTokens.Create());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await _host.Client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

            var first = await reader.ReadLineAsync(timeout.Token);
            _firstEventRead.SetResult();
            var rest = await reader.ReadToEndAsync(timeout.Token);

            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("data: first", first);
            Assert.Equal("\ndata: second\n\n", rest);
        }
        finally
        {
            _firstEventRead.TrySetResult();
        }
    }

    [Fact]
    public async Task No_token_is_still_kiwis_error_envelope()
    {
        using var response = await _host.GetAsync("/object");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20003);
    }
}
