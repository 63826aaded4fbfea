using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Kiwi.User.Client.Models;

namespace Kiwi.Auth.Benchmarks;

/// <summary>Building the request's principal from a verdict's user: without a profile (local mode) and with the
/// profile remote verify returns.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PrincipalBenchmarks
{
    private static readonly KiwiUser Local = new()
    {
        Id = "1864213360487714816",
        Application = "kiwi-demo",
        Role = "user",
        Scopes = ["read", "write"],
        DeviceType = "web",
        DeviceId = "d-42",
        OrganizationId = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e",
        ExpiresAt = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static readonly KiwiUser Remote = Local with
    {
        Profile = new KiwiUserInfo
        {
            Id = "1864213360487714816",
            Application = "kiwi-demo",
            Name = "Alice",
            Email = "alice@example.com",
            Phone = "+10000000000",
            Department = "Research",
            Organizations = [new OrganizationMembership { Id = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e" }],
        },
    };

    // Instance fields, as BenchmarkDotNet runs instance methods.
    private readonly KiwiUser _local = Local;
    private readonly KiwiUser _remote = Remote;

    [Benchmark(Baseline = true, Description = "Create (no profile, local)")]
    public ClaimsPrincipal CreateLocal() => KiwiPrincipalFactory.Create(_local);

    [Benchmark(Description = "Create (with profile, remote)")]
    public ClaimsPrincipal CreateRemote() => KiwiPrincipalFactory.Create(_remote);
}
