using System.Diagnostics;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Telemetry;

/// <summary>
/// The <c>Kiwi.Auth</c> activity source: one <c>kiwi_auth.validate</c> activity for each request whose token is not
/// answered from the cache. Its tags are the mode, the result, the reason code and the token's short hash: never
/// the token, part of one or a claim value.
/// </summary>
internal static class KiwiAuthActivities
{
    public const string ValidateName = "kiwi_auth.validate";

    private static readonly ActivitySource Source = new(
        KiwiAuthTelemetry.ActivitySourceName, typeof(KiwiAuthActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the activity, or returns <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartValidation(KiwiToken token, KiwiAuthMode mode)
    {
        var activity = Source.StartActivity(ValidateName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("kiwi_auth.mode", mode == KiwiAuthMode.Local ? "local" : "remote");
            activity.SetTag("kiwi_auth.token_hash", token.ShortHash);
        }

        return activity;
    }

    /// <summary>Tags the verdict. An unavailable verdict is an error of the call; an invalid token is not.</summary>
    public static void Complete(Activity? activity, TokenVerdict verdict)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("kiwi_auth.result", VerdictReasonCodes.ResultOf(verdict.Kind));
        if (verdict.Kind != TokenVerdictKind.Valid)
        {
            activity.SetTag("kiwi_auth.reason", VerdictReasonCodes.Of(verdict.Reason));
        }

        if (verdict.Kind == TokenVerdictKind.Unavailable)
        {
            activity.SetStatus(ActivityStatusCode.Error, VerdictReasonCodes.Of(verdict.Reason));
        }
    }
}
