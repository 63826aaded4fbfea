namespace Kiwi.Auth.LoadHost;

/// <summary>How the host authenticates <c>GET /v1/profile</c>.</summary>
internal enum LoadHostMode
{
    /// <summary>No authentication: the endpoint answers a fixed user id.</summary>
    None,

    /// <summary>Kiwi.Auth asking kiwi-user (an emulator), verdicts cached.</summary>
    KiwiRemote,

    /// <summary>Kiwi.Auth checking signatures with the public key, verdicts cached.</summary>
    KiwiLocal,

    /// <summary>Kiwi.Auth checking the signature on every request (no cache): a never-seen token's cost.</summary>
    KiwiLocalNoCache,

    /// <summary>Microsoft.AspNetCore.Authentication.JwtBearer with the same public key.</summary>
    JwtBearer,
}
