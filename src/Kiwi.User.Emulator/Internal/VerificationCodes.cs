using System.Globalization;
using System.Security.Cryptography;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Internal;

/// <summary>
/// Six-digit codes valid ten minutes; nothing is sent, so each is logged and kept for the control API.
/// </summary>
internal static class VerificationCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static VerificationCode New(EmulatorRuntime runtime, string address)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        runtime.State.LastCodes[address] = code;
        runtime.Logger.VerificationCode(address, code);
        return new VerificationCode(code, runtime.Time.GetUtcNow() + Lifetime);
    }

    public static bool IsExpired(EmulatorRuntime runtime, VerificationCode code) =>
        runtime.Time.GetUtcNow() > code.ExpiresAt;
}
