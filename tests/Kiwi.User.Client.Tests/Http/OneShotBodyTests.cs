using System.Net;
using Kiwi.User.Client.Tests.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace Kiwi.User.Client.Tests.Http;

/// <summary>
/// The session handler in front of a real Kestrel API on loopback that refuses <c>token-1</c> with 401 and records
/// the bodies that arrive with any other token.
/// </summary>
public sealed class OneShotBodyTests : IAsyncLifetime
{
    private readonly SessionFixture fixture = new();
    private readonly List<string> acceptedBodies = [];
    private WebApplication? api;
    private int requests;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        api = builder.Build();
        api.MapPost("/orders", (Delegate)AnswerAsync);
        await api.StartAsync();

        await fixture.StartAsync();
        fixture.RefreshAnswers("token-2");
    }

    public async Task DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_one_shot_stream_body_gets_the_401_back_and_the_token_renewed_for_the_next_call()
    {
        using var content = new StreamContent(new OneShotStream("{\"n\":1}"u8.ToArray()));

        using var response = await Api().PostAsync("orders", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, Volatile.Read(ref requests));
        Assert.Empty(acceptedBodies);
        fixture.VerifyRefreshes(Times.Once());
        Assert.Equal("token-2", await fixture.Manager.GetSession("s1").GetAccessTokenAsync());
    }

    [Fact]
    public async Task A_string_body_is_sent_again_whole_with_the_renewed_token()
    {
        using var content = new StringContent("{\"n\":1}");

        using var response = await Api().PostAsync("orders", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Volatile.Read(ref requests));
        Assert.Equal(["{\"n\":1}"], acceptedBodies);
    }

    private HttpClient Api()
    {
        var address = api!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var services = new ServiceCollection();
        services.AddSingleton(fixture.Manager);
        services.AddHttpClient("api", c => c.BaseAddress = new Uri(address)).AddKiwiSessionToken("s1");
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("api");
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        if (context.Request.Headers.Authorization == "Bearer token-1")
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        lock (acceptedBodies)
        {
            acceptedBodies.Add(body);
        }

        return Results.Ok();
    }

    /// <summary>A request body that can be read once, like an incoming request's body being passed on.</summary>
    private sealed class OneShotStream(byte[] data) : Stream
    {
        private readonly MemoryStream inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
