namespace Kiwi.User.Emulator.State;

/// <summary>A sent email or SMS code and when it stops working.</summary>
internal sealed record VerificationCode(string Code, DateTimeOffset ExpiresAt);
