namespace Kiwi.Auth;

/// <summary>Carries the validated user on the request, so handlers need not rebuild it from claims.</summary>
/// <param name="User">The user.</param>
internal sealed record KiwiUserFeature(KiwiUser User);
