using Kiwi.User.Emulator.Faults;
using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.State;
using Kiwi.User.Emulator.Tokens;
using Microsoft.Extensions.Logging;

namespace Kiwi.User.Emulator.Internal;

/// <summary>What every part of a running emulator shares: options, clock, state, key, faults and counters.</summary>
internal sealed class EmulatorRuntime : IDisposable
{
    // Rotated-out keys stay alive until the emulator stops: a request in flight may still hold one.
    private readonly List<SigningKey> _retiredKeys = [];
    private SigningKey _key;

    public EmulatorRuntime(KiwiUserEmulatorOptions options, EmulatorSeed seed, SigningKey key, ILogger logger)
    {
        Options = options;
        Seed = seed;
        Time = options.TimeProvider;
        Logger = logger;
        _key = key;
        Faults = new FaultBoard(Time);
        State.Load(seed);
    }

    public KiwiUserEmulatorOptions Options { get; }

    public EmulatorSeed Seed { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public EmulatorState State { get; } = new();

    public FaultBoard Faults { get; }

    public RequestCounters Counters { get; } = new();

    public SigningKey Key => Volatile.Read(ref _key);

    /// <summary>Now in unix seconds, the resolution kiwi-user compares expiries in.</summary>
    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public void RotateKey()
    {
        lock (_retiredKeys)
        {
            _retiredKeys.Add(Interlocked.Exchange(ref _key, SigningKey.Generate()));
        }

        Logger.SigningKeyRotated();
    }

    public void Dispose()
    {
        lock (_retiredKeys)
        {
            foreach (var key in _retiredKeys)
            {
                key.Dispose();
            }

            _retiredKeys.Clear();
        }

        _key.Dispose();
    }
}
