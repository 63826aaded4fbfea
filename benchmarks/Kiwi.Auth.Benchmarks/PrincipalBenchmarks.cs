using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Kiwi.User.Client.Models;

namespace Kiwi.Auth.Benchmarks;

/// <summary>Building the request's principal from a verdict's user: without a profile (local mode) and with the
/// profile remote verify returns. <see cref="CreateWithBoundClaims"/> builds the same claims as the no-profile case,
/// each created with its identity as subject, to show what <c>new ClaimsIdentity(claims)</c> copying every claim
/// costs.</summary>
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

    [Benchmark(Description = "Same claims, bound to the identity")]
    public ClaimsPrincipal CreateWithBoundClaims()
    {
        var user = _local;
        var identity = new ClaimsIdentity(
            KiwiAuthDefaults.AuthenticationScheme, KiwiClaimTypes.Name, KiwiClaimTypes.Role);
        Add(identity, KiwiClaimTypes.Subject, user.Id);
        Add(identity, ClaimTypes.NameIdentifier, user.Id);
        Add(identity, KiwiClaimTypes.Application, user.Application);
        Add(identity, KiwiClaimTypes.DeviceType, user.DeviceType);
        Add(identity, KiwiClaimTypes.DeviceId, user.DeviceId);
        Add(identity, KiwiClaimTypes.ExpiresAt,
            user.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
        Add(identity, KiwiClaimTypes.Role, user.Role);
        Add(identity, KiwiClaimTypes.OrganizationId, user.OrganizationId);
        foreach (var scope in user.Scopes)
        {
            Add(identity, KiwiClaimTypes.Scope, scope);
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>A claim whose subject is already <paramref name="identity"/> is added without a copy.</summary>
    private static void Add(
        ClaimsIdentity identity, string type, string value, string valueType = ClaimValueTypes.String)
    {
        var issuer = ClaimsIdentity.DefaultIssuer;
        identity.AddClaim(new Claim(type, value, valueType, issuer, issuer, identity));
    }
}
