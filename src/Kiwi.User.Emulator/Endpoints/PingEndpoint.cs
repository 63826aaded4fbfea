using Kiwi.User.Emulator.Http;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>GET /ping</c>.</summary>
internal static class PingEndpoint
{
    public static void Map(RouteTable routes) => routes.Map("GET", "/ping", _ => KiwiResults.Ok());
}
