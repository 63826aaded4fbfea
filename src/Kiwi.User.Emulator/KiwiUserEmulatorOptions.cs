using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Kiwi.User.Emulator;

/// <summary>How to start a <see cref="KiwiUserEmulator"/>.</summary>
public sealed class KiwiUserEmulatorOptions
{
    /// <summary>
    /// Where to listen, such as <c>http://127.0.0.1:5081</c>; port 0 picks a free port. Several addresses may be
    /// separated by <c>;</c>. Default <c>http://127.0.0.1:0</c>.
    /// </summary>
    [SuppressMessage("Design", "CA1056", Justification = "Kestrel's own --urls format, which also allows ';' lists.")]
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>A seed JSON file (format: docs/emulator.md); null with no <see cref="Seed"/> = the demo seed.</summary>
    public string? SeedFile { get; set; }

    /// <summary>A seed object; wins over <see cref="SeedFile"/>.</summary>
    public EmulatorSeed? Seed { get; set; }

    /// <summary>
    /// The signing key as a PKCS#1 <c>RSA PRIVATE KEY</c> PEM (the form kiwi-user loads); wins over
    /// <see cref="SigningKeyFile"/>. With neither, a new 2048-bit key is generated.
    /// </summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>A file holding the PKCS#1 signing key PEM.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Access token lifetime (<c>exp - iat</c>). Default 600 seconds, as kiwi-user.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>Refresh token lifetime from login. Default 86,400 seconds, as kiwi-user.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromSeconds(86400);

    /// <summary>The clock for token times, code expiry, fault windows and injected latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the emulator logs (verification codes among others); null = no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
