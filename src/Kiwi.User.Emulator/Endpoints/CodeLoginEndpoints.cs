using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>
/// Phone and email codes: <c>…/verify_code</c> sends a code (here: logs it and keeps it for the control API),
/// <c>/v1/login/phone</c> and <c>/v1/login/email</c> log in with it, creating unknown users.
/// </summary>
internal sealed class CodeLoginEndpoints(EmulatorRuntime runtime)
{
    private const string LoginCodeType = "login";

    public void Map(RouteTable routes)
    {
        routes.Map("POST", "/v1/login/phone/verify_code", SendPhoneCode);
        routes.Map("POST", "/v1/login/phone", PhoneLogin);
        routes.Map("POST", "/v1/login/email/verify_code", SendEmailCode);
        routes.Map("POST", "/v1/login/email", EmailLogin);
    }

    /// <summary>The phone is not binding-required: an empty one gets a facade 400 with its own message.</summary>
    private EmulatorResponse SendPhoneCode(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var phone = root.String("phone");
        if (binder.Failed)
        {
            return KiwiResults.BindFailure();
        }

        if (phone.Length == 0)
        {
            return KiwiResults.BadRequest("phone is required");
        }

        runtime.State.PhoneCodes[phone] = VerificationCodes.New(runtime, phone);
        return KiwiResults.Ok();
    }

    /// <summary>The SMS provider checks the code: any mismatch, missing or expired code is "invalid".</summary>
    private EmulatorResponse PhoneLogin(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var application = root.String("application_name");
        var phone = root.String("phone");
        var code = root.String("verify_code");
        var device = Device.Bind(root);
        if (binder.Failed || !LoginBinding.AllPresent(application, phone, code) || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        if (!runtime.State.Applications.ContainsKey(application))
        {
            return KiwiResults.Forbidden("application not found");
        }

        if (!runtime.State.PhoneCodes.TryGetValue(phone, out var sent) || VerificationCodes.IsExpired(runtime, sent)
            || !string.Equals(sent.Code, code, StringComparison.Ordinal))
        {
            return KiwiResults.Forbidden("invalid verification code");
        }

        var user = runtime.State.FindUser(application, u => string.Equals(u.Phone, phone, StringComparison.Ordinal))
            ?? Created(NewUsers.Create(runtime, application, phone: phone), "phone");
        return KiwiSessions.Login(runtime, user, device);
    }

    /// <summary>
    /// Type <c>login</c> is usable, <c>unknown</c> is stored but never matches, anything else is a 500.
    /// </summary>
    private EmulatorResponse SendEmailCode(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var email = root.String("email");
        var codeType = root.String("code_type");
        if (binder.Failed || !EmailAddress.IsValid(email) || codeType.Length == 0)
        {
            return KiwiResults.BindFailure();
        }

        if (codeType is not (LoginCodeType or "unknown"))
        {
            return KiwiResults.InternalError();
        }

        runtime.State.EmailCodes[(email, codeType)] = VerificationCodes.New(runtime, email);
        return KiwiResults.Ok();
    }

    /// <summary>Not found, expired, mismatch in that order; success deletes the code, wrong guesses do not.</summary>
    private EmulatorResponse EmailLogin(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var application = root.String("application_name");
        var email = root.String("email");
        var code = root.String("verify_code");
        var device = Device.Bind(root);
        if (binder.Failed || !LoginBinding.AllPresent(application, code) || !EmailAddress.IsValid(email)
            || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        if (!runtime.State.Applications.ContainsKey(application))
        {
            return KiwiResults.Forbidden("application not found");
        }

        var key = (email, LoginCodeType);
        if (!runtime.State.EmailCodes.TryGetValue(key, out var sent))
        {
            return KiwiResults.Forbidden("verification code not found");
        }

        if (VerificationCodes.IsExpired(runtime, sent))
        {
            return KiwiResults.Forbidden("verification code expired");
        }

        if (!string.Equals(sent.Code, code, StringComparison.Ordinal))
        {
            return KiwiResults.Forbidden("invalid verification code");
        }

        runtime.State.EmailCodes.Remove(key);
        var user = runtime.State.FindUser(application, u => string.Equals(u.Email, email, StringComparison.Ordinal))
            ?? Created(NewUsers.Create(runtime, application, email: email), "email");
        return KiwiSessions.Login(runtime, user, device);
    }

    private State.UserRecord Created(State.UserRecord user, string method)
    {
        runtime.Logger.UserCreated(user.Id, method);
        return user;
    }
}
