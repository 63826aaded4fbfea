namespace Kiwi.User.Emulator.Tokens;

/// <summary>The outcome of checking an access token as kiwi-user does.</summary>
internal enum TokenCheck
{
    Valid,
    Invalid,
    Expired,

    /// <summary>The signature is right but the payload does not decode; verify answers 500 here.</summary>
    Undecodable,
}
