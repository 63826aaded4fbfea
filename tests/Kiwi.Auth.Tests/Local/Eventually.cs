namespace Kiwi.Auth.Tests.Local;

/// <summary>Waits for background work to reach a state, with a generous limit for a loaded CI machine.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(20);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (limit ?? DefaultLimit))
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
