namespace Kiwi.Auth.LoadHost;

/// <summary>The command-line names of <see cref="LoadHostMode"/>.</summary>
internal static class LoadHostModes
{
    public static LoadHostMode Parse(string name) => name switch
    {
        "none" => LoadHostMode.None,
        "kiwi-remote" => LoadHostMode.KiwiRemote,
        "kiwi-local" => LoadHostMode.KiwiLocal,
        "kiwi-local-nocache" => LoadHostMode.KiwiLocalNoCache,
        "jwtbearer" => LoadHostMode.JwtBearer,
        _ => throw new ArgumentException($"Unknown mode '{name}'."),
    };
}
