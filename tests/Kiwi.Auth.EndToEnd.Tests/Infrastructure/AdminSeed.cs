using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests.Infrastructure;

/// <summary>The demo seed plus a user whose role has the <c>admin</c> scope, for the sample's admin endpoint.
/// </summary>
public static class AdminSeed
{
    public const string Name = "carol";

    public const string Password = "carol-password";

    public static EmulatorSeed Create()
    {
        var demo = EmulatorSeeds.Demo;
        return demo with
        {
            Roles = [.. demo.Roles, new SeedRole { Name = "admin", Scopes = ["read", "admin"] }],
            Users =
            [
                .. demo.Users,
                new SeedUser
                {
                    Id = "1864213360487714999", Application = "kiwi-demo", Name = Name, Password = Password,
                    Role = "admin",
                },
            ],
        };
    }
}
