namespace Kiwi.Auth;

/// <summary>An application's event threw while authenticating; already logged, answered 503.</summary>
internal sealed class KiwiEventFailedException(string eventName, Exception inner)
    : Exception($"The {eventName} event failed.", inner);
