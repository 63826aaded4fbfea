using System.Buffers;
using System.Text;
using Kiwi.Auth.Caching;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Caching;

public sealed class CachedVerdictSerializerTests
{
    [Fact]
    public void A_valid_verdict_reads_back_with_every_claim_and_the_whole_profile()
    {
        var token = TestTokens.Create(DateTimeOffset.UtcNow.AddMinutes(10));
        var user = VerdictHarness.ValidVerdict(token).User!;
        var entry = new CachedVerdict { Kind = TokenVerdictKind.Valid, User = user, NotAfter = 123 };

        var back = RoundTrip(entry);

        Assert.Equal(TokenVerdictKind.Valid, back.Kind);
        Assert.Equal(123, back.NotAfter);
        AssertSameUser(user, back.User!);
    }

    [Fact]
    public void An_invalid_verdict_reads_back_with_its_reason()
    {
        var entry = new CachedVerdict
        {
            Kind = TokenVerdictKind.Invalid, Reason = TokenFailureReasons.RejectedByKiwiUser, NotAfter = 7,
        };

        var back = RoundTrip(entry);

        Assert.Equal(TokenVerdictKind.Invalid, back.Verdict.Kind);
        Assert.Equal(TokenFailureReasons.RejectedByKiwiUser, back.Verdict.Reason);
        Assert.Null(back.User);
    }

    [Fact]
    public void What_is_stored_holds_no_part_of_the_token()
    {
        var token = TestTokens.Create(DateTimeOffset.UtcNow.AddMinutes(10));
        var entry = new CachedVerdict
        {
            Kind = TokenVerdictKind.Valid, User = VerdictHarness.ValidVerdict(token).User, NotAfter = 1,
        };

        var json = Serialize(entry);

        foreach (var segment in token.Raw.Split('.'))
        {
            Assert.DoesNotContain(segment, json, StringComparison.Ordinal);
        }
    }

    internal static void AssertSameUser(KiwiUser expected, KiwiUser actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Role, actual.Role);
        Assert.Equal(expected.Scopes, actual.Scopes);
        Assert.Equal(expected.OrganizationId, actual.OrganizationId);
        Assert.Equal(expected.Application, actual.Application);
        Assert.Equal(expected.DeviceType, actual.DeviceType);
        Assert.Equal(expected.DeviceId, actual.DeviceId);
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);

        var profile = expected.Profile!;
        var read = actual.Profile!;
        Assert.Equal(profile with { PersonalScopes = null, Organizations = null },
            read with { PersonalScopes = null, Organizations = null });
        Assert.Equal(profile.PersonalScopes, read.PersonalScopes);
        Assert.Equal(profile.Organizations!.Count, read.Organizations!.Count);
        for (var i = 0; i < profile.Organizations.Count; i++)
        {
            Assert.Equal(profile.Organizations[i] with { OrganizationScopes = [] },
                read.Organizations[i] with { OrganizationScopes = [] });
            Assert.Equal(profile.Organizations[i].OrganizationScopes, read.Organizations[i].OrganizationScopes);
        }
    }

    private static CachedVerdict RoundTrip(CachedVerdict entry)
    {
        var serializer = new CachedVerdictSerializer();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(entry, buffer);
        return serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory));
    }

    private static string Serialize(CachedVerdict entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new CachedVerdictSerializer().Serialize(entry, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
