namespace Kiwi.User.Emulator.Http;

/// <summary>Exact (method, path) routes, as gin matches them; no method fallback, no case folding.</summary>
internal sealed class RouteTable
{
    private readonly Dictionary<(string Method, string Path), Route> _routes = [];

    /// <summary>Maps a handler that the dispatcher runs under the state's lock.</summary>
    public void Map(string method, string path, Func<EmulatorRequest, EmulatorResponse> handler) =>
        _routes.Add((method, path), new Route(handler, LocksItself: false));

    /// <summary>
    /// Maps a handler that takes the state's lock itself, so that its signature check runs outside it (the hot
    /// verify and user-info paths stay parallel).
    /// </summary>
    public void MapLocking(string method, string path, Func<EmulatorRequest, EmulatorResponse> handler) =>
        _routes.Add((method, path), new Route(handler, LocksItself: true));

    public Route? Find(string method, string path) => _routes.GetValueOrDefault((method, path));

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
