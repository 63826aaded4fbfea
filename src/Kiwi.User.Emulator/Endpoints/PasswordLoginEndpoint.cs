using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>POST /v1/login/password</c>.</summary>
internal sealed class PasswordLoginEndpoint(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes) => routes.Map("POST", "/v1/login/password", Login);

    /// <summary>Unknown user, wrong password and no password binding all answer "user not found".</summary>
    private EmulatorResponse Login(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var application = root.String("application_name");
        var name = root.String("name");
        var password = root.String("password");
        var device = Device.Bind(root);
        if (binder.Failed || application.Length == 0 || name.Length == 0 || password.Length == 0
            || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        if (!runtime.State.Applications.ContainsKey(application))
        {
            return KiwiResults.Forbidden("application not found");
        }

        var user = runtime.State.FindUser(application, u => string.Equals(u.Name, name, StringComparison.Ordinal));
        if (user is null || user.Password.Length == 0
            || !string.Equals(user.Password, password, StringComparison.Ordinal))
        {
            return KiwiResults.Forbidden("user not found");
        }

        return KiwiSessions.Login(runtime, user, device);
    }
}
