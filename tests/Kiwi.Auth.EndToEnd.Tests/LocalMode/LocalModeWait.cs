using System.Diagnostics;

namespace Kiwi.Auth.EndToEnd.Tests.LocalMode;

/// <summary>Waits for background work to reach a state, with a generous limit for a loaded CI machine.</summary>
internal static class LocalModeWait
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (limit ?? TimeSpan.FromSeconds(30)))
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
