namespace Kiwi.User.Client.Internal;

/// <summary>
/// An answer that can tell whether kiwi-user filled it in: System.Text.Json accepts a <c>null</c> or a missing
/// value for a required string, and a number no date can hold, which would otherwise fail later and far away.
/// </summary>
internal interface IKiwiAnswer
{
    /// <summary>Whether every value the client relies on is present and usable.</summary>
    bool IsWellFormed { get; }
}
