using System.Net;
using System.Text;
using System.Text.Json;

namespace Kiwi.Auth.Tests.Infrastructure;

/// <summary>Stands in for kiwi-user's verify endpoint below Kiwi.Auth's resilience pipeline, and counts the calls
/// that reach it.</summary>
public sealed class FakeKiwiUser : HttpMessageHandler
{
    private int _calls;

    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; } =
        (_, _) => Task.FromResult(Status(500));

    public int Calls => Volatile.Read(ref _calls);

    public List<string> Paths { get; } = [];

    public static HttpResponseMessage Verdict(string userId, string role = "user", string[]? scopes = null)
    {
        var body = JsonSerializer.Serialize(new
        {
            status = "success",
            error = (object?)null,
            data = new
            {
                success = true,
                user_info = new
                {
                    id = userId, application = "kiwi-demo", name = "Alice", avatar = "", phone = "", email = "",
                    personal_role = role, personal_scopes = scopes ?? ["read"], current_org_id = "",
                    orgs = (object?)null,
                    department = "",
                },
            },
        });
        return Json(HttpStatusCode.OK, body);
    }

    public static HttpResponseMessage Rejected() =>
        Json(HttpStatusCode.OK, """{"status":"success","error":null,"data":{"success":false,"user_info":null}}""");

    public static HttpResponseMessage Status(int status) => Json(
        (HttpStatusCode)status,
        $$"""{"status":"error","error":{"code":20001,"msg":"Server Internal Error"},"data":null}""");

    public static HttpResponseMessage Html(int status) => new((HttpStatusCode)status)
    {
        Content = new StringContent("<html><body>Bad gateway</body></html>", Encoding.UTF8, "text/html"),
    };

    public static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (Paths)
        {
            Paths.Add(request.RequestUri!.AbsolutePath);
        }

        return Respond(request, cancellationToken);
    }
}
