namespace Kiwi.User.Client.Models;

/// <summary>kiwi-user's error codes and the base messages that go with them.</summary>
public static class KiwiErrorCodes
{
    /// <summary>500 <c>Server Internal Error</c>.</summary>
    public const int InternalError = 20001;

    /// <summary>400 <c>Bad Request</c>.</summary>
    public const int BadRequest = 20002;

    /// <summary>401 <c>Unauthorized</c>.</summary>
    public const int Unauthorized = 20003;

    /// <summary>404 <c>Not Found</c>.</summary>
    public const int NotFound = 20004;

    /// <summary>403 <c>Forbidden</c>.</summary>
    public const int Forbidden = 20005;

    /// <summary>429 <c>Too Many Requests</c>.</summary>
    public const int TooManyRequests = 20006;

    /// <summary>Returns the base message kiwi-user writes for a code.</summary>
    /// <param name="code">The error code.</param>
    /// <returns>The base message, or <c>Error</c> for an unknown code.</returns>
    public static string BaseMessage(int code) => code switch
    {
        InternalError => "Server Internal Error",
        BadRequest => "Bad Request",
        Unauthorized => "Unauthorized",
        NotFound => "Not Found",
        Forbidden => "Forbidden",
        TooManyRequests => "Too Many Requests",
        _ => "Error",
    };

    /// <summary>Returns the HTTP status kiwi-user answers with for a code.</summary>
    /// <param name="code">The error code.</param>
    /// <returns>The HTTP status code, 500 for an unknown code.</returns>
    public static int HttpStatus(int code) => code switch
    {
        BadRequest => 400,
        Unauthorized => 401,
        Forbidden => 403,
        NotFound => 404,
        TooManyRequests => 429,
        _ => 500,
    };
}
