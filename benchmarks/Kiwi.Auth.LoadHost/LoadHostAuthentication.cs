using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Kiwi.Auth.LoadHost;

/// <summary>Registers the authentication of each mode, all with the same RSA public key or kiwi-user.</summary>
internal static class LoadHostAuthentication
{
    /// <summary>Longer than any run, so that a cached verdict is never dropped in the middle of one.</summary>
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(10);

    public static void Add(IServiceCollection services, LoadHostMode mode, LoadHostArguments arguments, Uri? kiwiUrl)
    {
        switch (mode)
        {
            case LoadHostMode.KiwiRemote:
                services.AddKiwiAuth(options =>
                {
                    options.Mode = KiwiAuthMode.Remote;
                    options.BaseUrl = kiwiUrl;
                    options.CacheDuration = CacheDuration;
                });
                break;
            case LoadHostMode.KiwiLocal:
            case LoadHostMode.KiwiLocalNoCache:
                var pem = File.ReadAllText(arguments.Require("public-key"));
                services.AddKiwiAuth(options =>
                {
                    options.Mode = KiwiAuthMode.Local;
                    options.PublicKeyPem = pem;
                    options.CacheDuration = mode == LoadHostMode.KiwiLocal ? CacheDuration : TimeSpan.Zero;
                });
                break;
            case LoadHostMode.JwtBearer:
                AddJwtBearer(services, File.ReadAllText(arguments.Require("public-key")));
                break;
            default:
                return;
        }

        services.AddAuthorization();
    }

    /// <summary>
    /// JwtBearer as an adopter would set it up for kiwi's tokens: RS256 only, the one key (kiwi's tokens carry no
    /// <c>kid</c>, so every key is tried), no audience (kiwi sets none), any issuer, lifetime checked with the same
    /// 30-second skew as Kiwi.Auth, no metadata endpoint, claim names kept as sent.
    /// </summary>
    private static void AddJwtBearer(IServiceCollection services, string publicKeyPem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                IssuerSigningKey = new RsaSecurityKey(rsa),
                TryAllIssuerSigningKeys = true,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ValidateIssuer = false,
                ValidateAudience = false,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
    }
}
