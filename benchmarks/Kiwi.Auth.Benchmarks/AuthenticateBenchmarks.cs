using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Kiwi.Auth.Benchmarks;

/// <summary>
/// One request's whole authentication, as the middleware runs it: a request scope, <c>AuthenticateAsync</c> on the
/// default scheme with <c>Authorization: Bearer</c>, the ticket. Kiwi.Auth in local mode with the verdict cache
/// (the token already cached: the steady state of repeated tokens) and without it (a never-seen token's cost),
/// against JwtBearer with the same key. <see cref="ScopeOnly"/> is the request scope and context alone.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AuthenticateBenchmarks : IDisposable
{
    private WebApplication? _app;
    private string _authorization = "";

    [Params("kiwi-cached", "kiwi-uncached", "jwtbearer")]
    public string Configuration { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        using var key = RSA.Create(2048);
        _authorization = "Bearer " + Mint(key, DateTimeOffset.UtcNow);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        AddScheme(builder.Services, key.ExportSubjectPublicKeyInfoPem());
        _app = builder.Build();

        var first = Authenticate().GetAwaiter().GetResult();
        if (!first.Succeeded)
        {
            throw new InvalidOperationException($"{Configuration}: the benchmark token does not authenticate.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<HttpContext> ScopeOnly()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return NewContext(scope.ServiceProvider);
    }

    [Benchmark]
    public async Task<AuthenticateResult> Authenticate()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await NewContext(scope.ServiceProvider).AuthenticateAsync();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        (_app as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private DefaultHttpContext NewContext(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Authorization = _authorization;
        return context;
    }

    private void AddScheme(IServiceCollection services, string publicKeyPem)
    {
        if (Configuration == "jwtbearer")
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(publicKeyPem);
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = new RsaSecurityKey(rsa),
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ValidateIssuer = false,
                    ValidateAudience = false,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
            return;
        }

        services.AddKiwiAuth(options =>
        {
            options.Mode = KiwiAuthMode.Local;
            options.PublicKeyPem = publicKeyPem;
            options.CacheDuration = Configuration == "kiwi-cached" ? TimeSpan.FromMinutes(10) : TimeSpan.Zero;
        });
    }

    /// <summary>A token in kiwi-user's format: header <c>type</c> (no <c>typ</c>, no <c>kid</c>), RS256.</summary>
    private static string Mint(RSA key, DateTimeOffset now)
    {
        var header = Encode("""{"type":"jwt","alg":"RS256"}""");
        var claims = new Dictionary<string, object>
        {
            ["type"] = "access",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(2).ToUnixTimeSeconds(),
            ["sub"] = "1864213360487714816",
            ["iss"] = "kiwi-demo",
            ["roles"] = "user",
            ["scopes"] = new[] { "read", "write" },
            ["device_type"] = "web",
            ["device_id"] = "d-42",
            ["organization_id"] = "",
        };
        var payload = Encode(JsonSerializer.Serialize(claims));
        var signature = key.SignData(
            Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
