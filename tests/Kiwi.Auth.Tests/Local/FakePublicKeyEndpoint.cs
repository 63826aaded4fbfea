using System.Net;
using System.Text;
using System.Text.Json;

namespace Kiwi.Auth.Tests.Local;

/// <summary>Stands in for kiwi-user's <c>GET /v1/token/publickey</c>: serves a PEM in kiwi's envelope, counts
/// requests, and can hold them back or fail them.</summary>
internal sealed class FakePublicKeyEndpoint(string pem) : HttpMessageHandler
{
    private int _requests;

    /// <summary>The PEM served next.</summary>
    public string Pem { get; set; } = pem;

    /// <summary>When set, the status and kiwi error envelope served instead of the key.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, requests wait for it before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/v1/token/publickey", request.RequestUri!.AbsolutePath);
        Interlocked.Increment(ref _requests);

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        var (status, body) = FailWith is { } failure
            ? (failure, """{"status":"error","error":{"code":20001,"msg":"Server Internal Error"},"data":null}""")
            : (HttpStatusCode.OK,
                """{"status":"success","error":null,"data":{"public_key":""" + JsonSerializer.Serialize(Pem) + "}}");

        return new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }
}
