using BenchmarkDotNet.Attributes;
using Kiwi.Auth.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kiwi.Auth.Benchmarks;

/// <summary>
/// The per-request work before any verdict: reading the <c>Authorization</c> header, the cheap format checks that
/// decode the claims, and the SHA-256 cache key; JsonWebTokenHandler's own read of the same token for comparison.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TokenReadingBenchmarks
{
    /// <summary>The "valid-full" token of tests/fixtures/tokens.json (expires in 2100), kiwi-user's format.</summary>
    private const string Token =
        "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.eyJ0eXBlIjoiYWNjZXNzIiwiaWF0IjoxNzY0ODA2NDAwLCJleHAiOjQxMDI0N"
        + "DQ4MDAsInN1YiI6IjE4NjQyMTMzNjA0ODc3MTQ4MTYiLCJpc3MiOiJraXdpLWRlbW8iLCJyb2xlcyI6InVzZXIiLCJzY29wZXMiO"
        + "lsicmVhZCIsIndyaXRlIl0sImRldmljZV90eXBlIjoid2ViIiwiZGV2aWNlX2lkIjoiZC00MiIsIm9yZ2FuaXphdGlvbl9pZCI6I"
        + "jBiN2U1YTFjLTlmM2QtNGMyYi04ZTZhLTVkNGMzYjJhMWYwZSJ9.fsckPNSX9a5x7jH4mX8NyHyMptgNRGAh2hG3ao7cWjalxryz"
        + "PpkGERCKOFGAdpybZ9w03cujFzyzbhNIH6egjocE-chZV-c8sOEaPW6uqrZi5vZiaU7lfTOlVcGQ-TNLpqDC5Vw9XaShUvgSMbYh"
        + "oByyv-o6MstH-7naKk1s0J7Bjhu2ZqzpXW4jMAoEkMMZwYAJMN1PkcBo3AFCtsLZeJtpx8BXbuqxf5Wm1B-BnfTj9KdsTk8SSNCS"
        + "n0QjzDdmEFKBMkmJG36gR8RgAb_xMvEF4fQ5maN9jCgESK5j9JMADN6SsVgp0GWWe8MUjRZvLnxuVqxnWDF90OJ9YbnTnw"
        + "";

    private readonly string _token = Token;
    private readonly JsonWebTokenHandler _jsonWebTokenHandler = new();
    private HttpRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + _token;
        _request = context.Request;
    }

    [Benchmark(Description = "BearerTokenReader.Read")]
    public string? ReadHeader() => BearerTokenReader.Read(_request).Token;

    [Benchmark(Description = "KiwiTokenParser.TryParse")]
    public KiwiToken? Parse()
    {
        KiwiTokenParser.TryParse(_token, 8192, out var token, out _);
        return token;
    }

    [Benchmark(Description = "Read + TryParse")]
    public KiwiToken? ReadAndParse()
    {
        var read = BearerTokenReader.Read(_request);
        KiwiTokenParser.TryParse(read.Token!, 8192, out var token, out _);
        return token;
    }

    [Benchmark(Description = "KiwiToken.ComputeHash (cache key)")]
    public string Hash() => KiwiToken.ComputeHash(_token);

    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler.ReadJsonWebToken")]
    public JsonWebToken ReadWithJsonWebTokenHandler() => _jsonWebTokenHandler.ReadJsonWebToken(_token);
}
