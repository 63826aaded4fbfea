namespace Kiwi.User.Emulator.Http;

/// <summary>Exact (method, path) routes, as gin matches them; no method fallback, no case folding.</summary>
internal sealed class RouteTable
{
    private readonly Dictionary<(string Method, string Path), Func<EmulatorRequest, EmulatorResponse>> _routes = [];

    public void Map(string method, string path, Func<EmulatorRequest, EmulatorResponse> handler) =>
        _routes.Add((method, path), handler);

    public Func<EmulatorRequest, EmulatorResponse>? Find(string method, string path) =>
        _routes.GetValueOrDefault((method, path));

    /// <summary>
    /// gin's RedirectTrailingSlash: when only the other spelling (with or without a final slash) exists for this
    /// method, the client is redirected there.
    /// </summary>
    public string? TrailingSlashAlternative(string method, string path)
    {
        if (path.Length <= 1)
        {
            return null;
        }

        var other = path.EndsWith('/') ? path[..^1] : path + "/";
        return _routes.ContainsKey((method, other)) ? other : null;
    }
}
