using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kiwi.Auth;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kiwi.Auth.Benchmarks;

/// <summary>
/// Validating one kiwi token in-process: Kiwi.Auth's local mode (cheap checks, shared claim rules, IdentityModel
/// signature and lifetime, user and principal) against <see cref="JsonWebTokenHandler"/> used directly with the
/// parameters a JwtBearer setup for kiwi tokens would have. No cache is involved.
/// </summary>
[MemoryDiagnoser]
public class LocalValidationBenchmarks : IDisposable
{
    private readonly JsonWebTokenHandler _handler = new();
    private ServiceProvider _services = null!;
    private ITokenValidator _validator = null!;
    private KiwiAuthOptions _options = null!;
    private TokenValidationParameters _jwtBearerParameters = null!;
    private RSA _signingKey = null!;
    private string _token = "";
    private string _forged = "";

    [GlobalSetup]
    public void Setup()
    {
        _signingKey = RSA.Create(2048);
        using var forger = RSA.Create(2048);
        _token = Mint(_signingKey);
        _forged = Mint(forger);

        var pem = _signingKey.ExportSubjectPublicKeyInfoPem();
        _services = BuildServices(pem);
        _validator = _services.GetRequiredKeyedService<ITokenValidator>(KiwiAuthMode.Local);
        _options = _services.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>()
            .Get(KiwiAuthDefaults.AuthenticationScheme);

        var key = RSA.Create();
        key.ImportFromPem(pem);
        _jwtBearerParameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateAudience = false,
            ValidateIssuer = false,
            ClockSkew = TimeSpan.FromSeconds(30),
        };

        if (!Kiwi().Result.Identity!.IsAuthenticated || !JwtBearerStyle().Result.Identity!.IsAuthenticated)
        {
            throw new InvalidOperationException("The benchmark token does not validate.");
        }
    }

    /// <summary>What JwtBearer does with a kiwi token: validate, then wrap the identity in a principal.</summary>
    [Benchmark(Baseline = true)]
    public async Task<ClaimsPrincipal> JwtBearerStyle()
    {
        var result = await _handler.ValidateTokenAsync(_token, _jwtBearerParameters);
        return new ClaimsPrincipal(result.ClaimsIdentity);
    }

    /// <summary>Kiwi.Auth's local path for an uncached token, up to the verdict.</summary>
    [Benchmark]
    public async Task<TokenVerdict> KiwiVerdict()
    {
        KiwiTokenParser.TryParse(_token, _options.MaxTokenLength, out var token, out _);
        var broken = TokenClaimsPolicy.Check(token!, _options, TimeProvider.System.GetUtcNow());
        return broken is null
            ? await _validator.ValidateAsync(token!, CancellationToken.None)
            : TokenVerdict.Invalid(broken);
    }

    /// <summary>Kiwi.Auth's local path for an uncached token, up to the request's principal.</summary>
    [Benchmark]
    public async Task<ClaimsPrincipal> Kiwi()
    {
        var verdict = await KiwiVerdict();
        return KiwiPrincipalFactory.Create(verdict.User!);
    }

    /// <summary>A forged token (signed with another key): Kiwi.Auth's local path to its rejection.</summary>
    [Benchmark]
    public async Task<TokenVerdict> KiwiForged()
    {
        KiwiTokenParser.TryParse(_forged, _options.MaxTokenLength, out var token, out _);
        return await _validator.ValidateAsync(token!, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        _signingKey?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ServiceProvider BuildServices(string pem)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddKiwiAuth(o =>
        {
            o.Mode = KiwiAuthMode.Local;
            o.PublicKeyPem = pem;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>A token in kiwi-user's exact format: its header, its claims in its order.</summary>
    private static string Mint(RSA key)
    {
        const string header = """{"type":"jwt","alg":"RS256"}""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"type":"access","iat":{{now}},"exp":{{now + 86400}},"sub":"1864213360487714816","""
            + "\"iss\":\"kiwi-demo\",\"roles\":\"user\",\"scopes\":[\"read\",\"write\"],\"device_type\":\"web\","
            + "\"device_id\":\"d-42\",\"organization_id\":\"0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e\"}";
        var input = $"{Encode(header)}.{Encode(payload)}";
        var bytes = Encoding.ASCII.GetBytes(input);
        var signature = key.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
