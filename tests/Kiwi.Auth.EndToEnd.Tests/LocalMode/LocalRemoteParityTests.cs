using System.Net;
using System.Security.Claims;

namespace Kiwi.Auth.EndToEnd.Tests.LocalMode;

public sealed class LocalRemoteParityTests(ParityFixture fixture) : IClassFixture<ParityFixture>
{
    /// <summary>Claim types only remote mode has: the profile kiwi-user's verify returns.</summary>
    private static readonly HashSet<string> ProfileClaimTypes =
    [
        KiwiClaimTypes.Name, KiwiClaimTypes.Avatar, KiwiClaimTypes.Phone, KiwiClaimTypes.Email,
        KiwiClaimTypes.Department, KiwiClaimTypes.Membership,
    ];

    public static TheoryData<string> FixtureNames => new(LocalModeFixtures.Names);

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task Local_and_remote_mode_give_every_fixture_token_its_expected_verdict(string name)
    {
        var token = LocalModeFixtures.Token(name);
        var expected = LocalModeFixtures.IsValid(name) ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;

        var local = await fixture.Local.StatusAsync(token);
        var remote = await fixture.Remote.StatusAsync(token);

        Assert.Equal(expected, local);
        Assert.Equal(expected, remote);
    }

    [Fact]
    public async Task Altered_copies_of_a_valid_token_get_the_same_verdict_in_both_modes()
    {
        var token = LocalModeFixtures.Token("valid-full");
        var dots = new[] { token.IndexOf('.', StringComparison.Ordinal), token.LastIndexOf('.') };
        var positions = new[] { 0, 5, dots[0] - 1, dots[0] + 1, dots[0] + 40, dots[1] - 1, dots[1] + 1, dots[1] + 100,
            token.Length - 2, token.Length - 1 };

        var differences = new List<string>();
        foreach (var position in positions)
        {
            foreach (var replacement in new[] { 'A', 'x', '_', '-' })
            {
                if (token[position] == replacement)
                {
                    continue;
                }

                var altered = string.Concat(
                    token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));
                var local = await fixture.Local.StatusAsync(altered);
                var remote = await fixture.Remote.StatusAsync(altered);
                if (local != remote)
                {
                    differences.Add($"{position}:{replacement} local {local} remote {remote}");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("valid-full")]
    [InlineData("valid-no-org-no-scopes")]
    [InlineData("valid-unicode")]
    public async Task The_principal_has_the_same_claims_in_both_modes_but_the_profile(string name)
    {
        var token = LocalModeFixtures.Token(name);

        var local = await fixture.Local.ClaimsAsync(token);
        var remote = await fixture.Remote.ClaimsAsync(token);

        var remoteWithoutProfile = remote.Where(c => !ProfileClaimTypes.Contains(c[0])).ToList();
        Assert.Equal(Describe(remoteWithoutProfile), Describe(local));
        Assert.DoesNotContain(local, c => ProfileClaimTypes.Contains(c[0]));
        Assert.Contains(local, c => c[0] == ClaimTypes.NameIdentifier && c[1] == UserOf(name));
    }

    [Fact]
    public async Task Remote_mode_adds_the_profile_local_mode_lacks()
    {
        var remote = await fixture.Remote.ClaimsAsync(LocalModeFixtures.Token("valid-full"));

        Assert.Contains(remote, c => ProfileClaimTypes.Contains(c[0]));
    }

    private static string UserOf(string name) =>
        name == "valid-unicode" ? "1864213360487714818" : LocalModeFixtures.UserId;

    private static List<string> Describe(IEnumerable<string[]> claims) =>
        claims.Select(c => $"{c[0]}={c[1]}").Order(StringComparer.Ordinal).ToList();
}
