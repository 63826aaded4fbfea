namespace Kiwi.Auth;

/// <summary>The user the local-development bypass authenticates every request as.</summary>
internal static class LocalBypassUser
{
    public static KiwiUser Create(KiwiLocalBypassOptions options, DateTimeOffset now) => new()
    {
        Id = options.UserId,
        Application = options.Application,
        Role = options.Role,
        Scopes = [.. options.Scopes],
        DeviceType = "local",
        DeviceId = "local-bypass",
        OrganizationId = options.OrganizationId,
        ExpiresAt = now.AddHours(1),
    };
}
