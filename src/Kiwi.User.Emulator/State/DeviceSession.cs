namespace Kiwi.User.Emulator.State;

/// <summary>One (user, device type, device id) session: its refresh token and organization context.</summary>
internal sealed class DeviceSession
{
    public required string RefreshToken { get; set; }

    public long RefreshExpiresAt { get; set; }

    public string OrganizationId { get; set; } = "";
}
