using System.Net;
using System.Text;

namespace Kiwi.User.Client.Tests.Fakes;

/// <summary>A fake kiwi-user: records every request and answers with what the test queued.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    public RecordingHandler Answer(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        answers.Enqueue(_ => Response(status, body, mediaType));
        return this;
    }

    public RecordingHandler AnswerData(string dataJson) =>
        Answer(HttpStatusCode.OK, $$"""{"status":"success","error":null,"data":{{dataJson}}}""");

    public RecordingHandler AnswerError(HttpStatusCode status, int code, string message) =>
        Answer(status, $$"""{"status":"error","error":{"code":{{code}},"msg":"{{message}}"},"data":null}""");

    public RecordingHandler Throw(Exception exception)
    {
        answers.Enqueue(_ => throw exception);
        return this;
    }

    public static HttpResponseMessage Response(
        HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString(), body));

        cancellationToken.ThrowIfCancellationRequested();
        if (answers.TryDequeue(out var answer))
        {
            return answer(request);
        }

        return Fallback?.Invoke(request) ?? throw new InvalidOperationException("No answer queued.");
    }
}

internal sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Authorization, string? Body);
