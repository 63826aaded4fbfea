using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>Contract 7.1: the envelope, codes 20001-20005 with their HTTP statuses, exact messages.</summary>
public sealed class Rule01EnvelopeTests : EmulatorTest
{
    protected override KiwiUserEmulatorOptions CreateOptions() => new() { SigningKeyPem = Fixtures.PrivateKeyPem };

    [Fact]
    public async Task Success_has_status_then_error_null_then_data()
    {
        var answer = await Http.GetAsync("/v1/token/publickey");

        Assert.StartsWith("{\"status\":\"success\",\"error\":null,\"data\":{\"public_key\":", answer.Body);
        Assert.Equal("application/json; charset=utf-8", answer.ContentType);
    }

    [Fact]
    public async Task A_bind_failure_is_20002_Bad_Request_with_a_text_plain_content_type()
    {
        var answer = await Http.PostAsync("/v1/login/password", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("text/plain; charset=utf-8", answer.ContentType);
        Assert.Equal(Envelope.Error(20002, "Bad Request"), answer.Body);
    }

    [Fact]
    public async Task A_facade_400_appends_its_detail_and_is_json()
    {
        var answer = await Http.PostAsync("/v1/login/phone/verify_code", "{\"phone\":\"\"}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/json; charset=utf-8", answer.ContentType);
        Assert.Equal(
            Envelope.Error(20002, "Bad Request: phone is required"),
            answer.Body);
    }

    [Fact]
    public async Task Missing_credentials_are_20003_Unauthorized_with_401()
    {
        var answer = await Http.GetAsync("/v1/user/info");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(Envelope.Error(20003, "Unauthorized"), answer.Body);
    }

    [Fact]
    public async Task A_forbidden_answer_is_20005_with_403_and_its_detail()
    {
        var answer = await Http.PostAsync("/v1/login/password", Bodies.Json(new
        {
            application_name = "no-such-app", name = "alice", password = "alice-password", device = Bodies.Device(),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(
            Envelope.Error(20005, "Forbidden: application not found"),
            answer.Body);
    }

    [Fact]
    public async Task A_validly_signed_undecodable_payload_is_20001_Server_Internal_Error_at_verify()
    {
        var payload = Base64Url.EncodeToString("not json"u8);
        var header = "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(Fixtures.PrivateKeyPem);
        var signature = rsa.SignData(
            Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var token = header + "." + payload + "." + Base64Url.EncodeToString(signature);

        var verify = await Http.PostAsync("/v1/token/verify", Bodies.Verify(token));
        var info = await Http.GetAsync("/v1/user/info", token);

        Assert.Equal(HttpStatusCode.InternalServerError, verify.Status);
        Assert.Equal(
            Envelope.Error(20001, "Server Internal Error"),
            verify.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, info.Status);
    }
}
