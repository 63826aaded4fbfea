using Kiwi.User.Emulator.Json;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>Binding shared by the login endpoints.</summary>
internal static class LoginBinding
{
    /// <summary>
    /// Reads the optional <c>referral_channel</c> so that a wrong type (a string, a number field) fails the bind as
    /// in kiwi-user; the emulator keeps no referral data.
    /// </summary>
    public static void BindReferralChannel(GoJsonObject root)
    {
        var channel = root.Object("referral_channel");
        _ = channel.String("type");
        _ = channel.String("id");
        _ = channel.String("name");
    }

    public static bool AllPresent(params string[] values) => values.All(v => v.Length > 0);
}
