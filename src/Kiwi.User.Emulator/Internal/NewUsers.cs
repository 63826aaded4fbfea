using System.Globalization;
using System.Security.Cryptography;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Internal;

/// <summary>Users that a phone or email login creates: snowflake id, name <c>user_</c> + five letters.</summary>
internal static class NewUsers
{
    // Twitter's snowflake epoch (2010-11-04), which kiwi-user's ids also count from.
    private const long SnowflakeEpochMilliseconds = 1288834974657;
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public static UserRecord Create(EmulatorRuntime runtime, string application, string phone = "", string email = "")
    {
        var name = "user_" + RandomNumberGenerator.GetString(Letters, 5);
        var defaultRole = runtime.State.Applications.TryGetValue(application, out var found) ? found.DefaultRole : "";
        var user = new UserRecord
        {
            Id = NextId(runtime),
            Application = application,
            Name = name,
            DisplayName = name,
            Role = runtime.State.Roles.ContainsKey(defaultRole) ? defaultRole : "",
            Phone = phone,
            Email = email,
        };
        runtime.State.PutUser(user);
        return user;
    }

    private static string NextId(EmulatorRuntime runtime)
    {
        var milliseconds = runtime.Time.GetUtcNow().ToUnixTimeMilliseconds() - SnowflakeEpochMilliseconds;
        var sequence = 0L;
        string id;
        do
        {
            id = ((milliseconds << 22) | (1L << 12) | sequence++).ToString(CultureInfo.InvariantCulture);
        }
        while (runtime.State.FindUser(id) is not null);

        return id;
    }
}
