using Xunit;

namespace Kiwi.User.Emulator;

/// <summary>
/// An xunit fixture that starts one emulator for a test class (<c>IClassFixture&lt;KiwiUserEmulatorFixture&gt;</c>)
/// or collection, and stops it afterwards. Derive from it and override <see cref="CreateOptions"/> to choose the
/// seed, key or lifetimes; call <see cref="EmulatorControl.Reset"/> between tests that change state.
/// </summary>
public class KiwiUserEmulatorFixture : IAsyncLifetime
{
    private KiwiUserEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    public KiwiUserEmulator Emulator =>
        _emulator ?? throw new InvalidOperationException("The emulator starts in InitializeAsync; xunit calls it.");

    /// <summary>The emulator's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Emulator.BaseAddress;

    /// <summary>The emulator's control surface.</summary>
    public EmulatorControl Control => Emulator.Control;

    /// <summary>A new <see cref="HttpClient"/> aimed at the emulator; the caller disposes it.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Starts the emulator.</summary>
    /// <returns>A task that completes once it accepts connections.</returns>
    public async Task InitializeAsync() => _emulator = await KiwiUserEmulator.StartAsync(CreateOptions());

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task that completes once it has stopped.</returns>
    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The options the emulator starts with; default: free loopback port, demo seed, a new key.</summary>
    /// <returns>The options.</returns>
    protected virtual KiwiUserEmulatorOptions CreateOptions() => new();
}
