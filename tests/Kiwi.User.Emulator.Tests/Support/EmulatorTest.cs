namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>Starts a fresh emulator on a free loopback port for each test and stops it afterwards.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private KiwiUserEmulator? _emulator;
    private EmulatorHttp? _http;

    protected KiwiUserEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    protected EmulatorHttp Http => _http ?? throw new InvalidOperationException("Not started.");

    protected EmulatorControl Control => Emulator.Control;

    public async Task InitializeAsync()
    {
        _emulator = await KiwiUserEmulator.StartAsync(CreateOptions());
        _http = new EmulatorHttp(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    protected virtual KiwiUserEmulatorOptions CreateOptions() => new() { SigningKeyPem = TestKeys.Pkcs1Pem };
}
