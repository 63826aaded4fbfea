namespace Kiwi.User.Emulator.Http;

/// <summary>A route's handler, and whether it takes the state's lock itself.</summary>
internal sealed record Route(Func<EmulatorRequest, EmulatorResponse> Handler, bool LocksItself);
