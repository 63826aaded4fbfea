using System.Reflection;
using Kiwi.Auth.Telemetry;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Telemetry;

public sealed class VerdictReasonCodeTests
{
    private static readonly string[] Reasons = typeof(TokenFailureReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Every_failure_reason_has_a_short_code_of_its_own()
    {
        var codes = Reasons.Select(VerdictReasonCodes.Of).ToList();

        Assert.NotEmpty(codes);
        Assert.DoesNotContain(VerdictReasonCodes.Other, codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z_]{1,40}$", c));
    }

    [Fact]
    public void A_text_that_is_not_a_known_reason_counts_as_other()
    {
        Assert.Equal("other", VerdictReasonCodes.Of("eyJhbGciOiJSUzI1NiJ9.some.token"));
    }
}
