using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

public sealed class ConcurrencyTests : EmulatorTest
{
    [Fact]
    public async Task Parallel_logins_on_many_devices_each_get_their_own_working_session()
    {
        var devices = Enumerable.Range(0, 64).Select(i => "device-" + i).ToList();

        var logins = await Task.WhenAll(devices.Select(d => Http.LoginAsync("alice", "alice-password", deviceId: d)));
        var refreshes = await Task.WhenAll(devices.Select((d, i) =>
            Http.PostAsync("/v1/token/refresh", Bodies.Refresh(logins[i], d))));

        Assert.Equal(64, logins.Select(l => l.RefreshToken()).Distinct().Count());
        Assert.All(refreshes, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(64, Control.RequestCount("/v1/token/refresh"));
    }
}
