using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.Json;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>
/// Google and WeChat logins. No provider is called: a code logs in the seed user it is mapped to, and any other
/// code fails as a provider failure does in kiwi-user (500).
/// </summary>
internal sealed class SocialLoginEndpoints(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes)
    {
        routes.Map("POST", "/v1/login/google/web", GoogleWeb);
        routes.Map("POST", "/v1/login/wechat/miniprogram", WeChatMiniProgram);
        routes.Map("POST", "/v1/login/wechat/web", WeChatWeb);
    }

    private EmulatorResponse GoogleWeb(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var application = root.String("application_name");
        var code = root.String("code");
        var redirectUri = root.String("redirect_uri");
        var device = Device.Bind(root);
        LoginBinding.BindReferralChannel(root);
        if (binder.Failed || !LoginBinding.AllPresent(application, code, redirectUri) || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        return LoginByCode(application, device, u => u.GoogleCodes.Contains(code, StringComparer.Ordinal));
    }

    private EmulatorResponse WeChatMiniProgram(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var application = root.String("application_name");
        var code = root.String("code");
        var device = Device.Bind(root);
        LoginBinding.BindReferralChannel(root);
        _ = root.String("mini_program_phone_code");
        if (binder.Failed || !LoginBinding.AllPresent(application, code) || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        return LoginByCode(application, device, u => u.WeChatCodes.Contains(code, StringComparer.Ordinal));
    }

    /// <summary>No JSON body: <c>state</c> (JSON text) and <c>code</c> come from the query or a form body.</summary>
    private EmulatorResponse WeChatWeb(EmulatorRequest request)
    {
        var state = FirstNonEmpty(request.Query("state"), request.Form("state"));
        var code = FirstNonEmpty(request.Query("code"), request.Form("code"));
        if (state.Length == 0 || code.Length == 0)
        {
            return KiwiResults.BadRequest("code or state is empty");
        }

        if (!GoJsonBinder.TryParse(state, out var binder, out var root))
        {
            return KiwiResults.BadRequest();
        }

        var application = root.String("application_name");
        var device = Device.Bind(root);
        LoginBinding.BindReferralChannel(root);
        _ = root.String("platform");
        if (binder.Failed)
        {
            return KiwiResults.BadRequest();
        }

        return LoginByCode(application, device, u => u.WeChatCodes.Contains(code, StringComparer.Ordinal));
    }

    private EmulatorResponse LoginByCode(string application, Device device, Func<UserRecord, bool> matches)
    {
        if (!runtime.State.Applications.ContainsKey(application))
        {
            return KiwiResults.Forbidden("application not found");
        }

        var user = runtime.State.FindUser(application, matches);
        return user is null ? KiwiResults.InternalError() : KiwiSessions.Login(runtime, user, device);
    }

    private static string FirstNonEmpty(string first, string second) => first.Length > 0 ? first : second;
}
