using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>Contract 7.7: cookie first; Bearer or JWT in any case; anything else is the 401 envelope.</summary>
public sealed class Rule07TokenExtractionTests : EmulatorTest
{
    private static readonly string Unauthorized = Envelope.Error(20003, "Unauthorized");

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("Jwt")]
    public async Task Bearer_and_JWT_schemes_work_in_any_case(string scheme)
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(authorization: scheme + "  " + token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("Basic {0}")]
    [InlineData("{0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("Token {0}")]
    public async Task Other_header_shapes_are_401(string format)
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(authorization: string.Format(format, token));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(Unauthorized, answer.Body);
    }

    [Fact]
    public async Task The_access_token_cookie_works_without_a_header()
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(cookie: "access_token=" + token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("access_token=stale")]
    [InlineData("access_token=")]
    public async Task A_present_cookie_wins_over_a_valid_header_even_when_bad_or_empty(string cookie)
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(authorization: "Bearer " + token, cookie: cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [InlineData("access_token=%zz")]
    [InlineData("access_token")]
    [InlineData("other=1; access_token")]
    public async Task A_cookie_that_gin_reads_as_empty_still_wins_over_the_header(string cookie)
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(authorization: "Bearer " + token, cookie: cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [InlineData("access_token =")]
    [InlineData("access_token\t=")]
    [InlineData("access_token=a\\b; access_token=")]
    [InlineData("access_token=a\"b; access_token=")]
    public async Task The_cookie_is_found_as_go_parses_it_skipping_values_with_bytes_go_refuses(string prefix)
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(cookie: prefix + token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_cookie_go_refuses_is_absent_so_the_header_counts()
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var answer = await GetInfoAsync(authorization: "Bearer " + token, cookie: "access_token=a\\b");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_removed_user_token_still_authenticates_and_then_gets_user_not_found()
    {
        var token = Control.IssueAccessToken(Bodies.Bob);
        Control.RemoveUser(Bodies.Bob);

        var answer = await GetInfoAsync(authorization: "Bearer " + token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden: user not found", answer.Msg);
    }

    [Fact]
    public async Task No_credential_is_401()
    {
        var answer = await GetInfoAsync();

        Assert.Equal(Unauthorized, answer.Body);
    }

    private Task<RawAnswer> GetInfoAsync(string? authorization = null, string? cookie = null) =>
        Http.SendAsync(HttpMethod.Get, "/v1/user/info", null, configure: request =>
        {
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (cookie is not null)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
            }
        });
}
