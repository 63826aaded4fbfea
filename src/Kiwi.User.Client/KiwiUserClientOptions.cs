namespace Kiwi.User.Client;

/// <summary>Where kiwi-user is and how to call it; bound from the <c>KiwiUser</c> configuration section.</summary>
public sealed class KiwiUserClientOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "KiwiUser";

    /// <summary>kiwi-user's base URL, such as <c>https://user.example.com/</c>. Required.</summary>
    public Uri? BaseUrl { get; set; }
}
