using System.Net;
using System.Text.Json;
using CsCheck;
using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Kiwi.Auth.Tests.Properties;

/// <summary>The remote verdict over arbitrary kiwi-user answers, through the real client and validator.</summary>
public sealed class VerdictMappingProperties
{
    private const string Subject = TestTokens.UserId;

    private static readonly Gen<string> UserInfo = Gen.OneOf(
        Gen.OneOfConst("null", "{}", "[]", "\"x\"", $"{{\"id\":\"{Subject}\"}}", "{\"id\":\"42\"}", "{\"id\":5}",
            $"{{\"id\":\"{Subject}\",\"orgs\":\"x\"}}", $"{{\"id\":\"{Subject}\",\"personal_scopes\":null}}",
            "{\"id\":\"\"}", $"{{\"id\":\"{Subject.ToUpperInvariant()} \"}}"),
        Gen.String.Select(name => $"{{\"id\":\"{Subject}\",\"name\":{JsonSerializer.Serialize(name)}}}"));

    private static readonly Gen<string> Data = Gen.OneOf(
        Gen.OneOfConst("null", "{}", "\"yes\"", "[]"),
        Gen.Select(Gen.OneOfConst("true", "false", "null", "\"true\"", "1"), UserInfo,
            (success, info) => $"{{\"success\":{success},\"user_info\":{info}}}"),
        Gen.OneOfConst("true", "false").Select(success => $"{{\"success\":{success}}}"));

    private static readonly Gen<string> Envelope = Gen.Select(
        Gen.OneOfConst("\"success\"", "\"error\"", "null", "\"\"", "1"),
        Gen.OneOfConst("null", "{\"code\":20001,\"msg\":\"Server Internal Error\"}", "\"oops\"", "{}"),
        Data,
        (status, error, data) => $"{{\"status\":{status},\"error\":{error},\"data\":{data}}}");

    private static readonly Gen<string> Body = Gen.OneOf(
        Envelope,
        Envelope.SelectMany(e => Gen.Int[0, e.Length].Select(n => e[..n])),
        Gen.String,
        Gen.OneOfConst("", "<html><body>502 Bad Gateway</body></html>", "404 page not found", "{", "null", "[]"));

    private static readonly Gen<int> Status =
        Gen.OneOfConst(200, 200, 200, 201, 204, 400, 401, 403, 404, 429, 500, 502, 503);

    [Fact]
    public async Task Any_answer_gives_a_verdict_and_only_a_well_formed_success_is_valid() =>
        await Gen.Select(Status, Body).SampleAsync(async (status, body) =>
        {
            var verdict = await ValidateAsync(status, body);

            if (verdict.Kind == TokenVerdictKind.Valid)
            {
                Assert.True(IsWellFormedSuccess(status, body), $"valid for {status} {body}");
                Assert.Equal(Subject, verdict.User!.Id);
            }

            if (verdict.Kind == TokenVerdictKind.Invalid)
            {
                Assert.Equal(200, status);
            }
        }, iter: 2000);

    [Fact]
    public async Task Every_well_formed_success_is_valid_whatever_the_profile_holds() =>
        await Gen.Select(Gen.String, Gen.String, Gen.String.Array[0, 4]).SampleAsync(async (name, department, scopes) =>
        {
            var body = JsonSerializer.Serialize(new
            {
                status = "success", error = (object?)null,
                data = new
                {
                    success = true,
                    user_info = new { id = Subject, name, department, personal_scopes = scopes, orgs = (object?)null },
                },
            });

            var verdict = await ValidateAsync(200, body);

            Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
            Assert.Equal(name, verdict.User!.Profile!.Name);
        }, iter: 500);

    [Fact]
    public async Task Every_well_formed_rejection_is_invalid() =>
        await UserInfo.SampleAsync(async info =>
        {
            var body = $"{{\"status\":\"success\",\"error\":null,\"data\":{{\"success\":false,\"user_info\":{info}}}}}";
            var verdict = await ValidateAsync(200, body);

            Assert.NotEqual(TokenVerdictKind.Valid, verdict.Kind);
        }, iter: 200);

    private static async Task<TokenVerdict> ValidateAsync(int status, string body)
    {
        using var kiwiUser = new FakeKiwiUser
        {
            Respond = (_, _) => Task.FromResult(FakeKiwiUser.Json((HttpStatusCode)status, body)),
        };
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(KiwiAuthDefaults.HttpClientName))
            .Returns(() => new HttpClient(kiwiUser, disposeHandler: false)
            {
                BaseAddress = new Uri("http://kiwi.invalid/"),
            });
        var validator = new RemoteTokenValidator(factory.Object, NullLogger<RemoteTokenValidator>.Instance);

        return await validator.ValidateAsync(ValidatorHarness.Parse(TestTokens.Create()), CancellationToken.None);
    }

    /// <summary>The oracle, written apart from the client: what a body must at least be for a valid verdict.</summary>
    private static bool IsWellFormedSuccess(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return status == 200
                && root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                && s.GetString() == "success"
                && (!root.TryGetProperty("error", out var e) || e.ValueKind == JsonValueKind.Null)
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("success", out var ok) && ok.ValueKind == JsonValueKind.True
                && data.TryGetProperty("user_info", out var info) && info.ValueKind == JsonValueKind.Object
                && info.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() == Subject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
