namespace Kiwi.Auth;

/// <summary>The body of a 401, 403 or 503 that Kiwi.Auth writes.</summary>
public enum KiwiErrorFormat
{
    /// <summary>kiwi's own envelope, <c>{"status":"error","error":{"code":...,"msg":...},"data":null}</c>, so
    /// clients of kiwi-user read the API's errors the same way. The default.</summary>
    KiwiEnvelope = 0,

    /// <summary>RFC 9457 problem details (<c>application/problem+json</c>), written through
    /// <c>IProblemDetailsService</c> when the application registered one (<c>AddProblemDetails()</c>), so its
    /// customizations apply. kiwi's error code is in the <c>code</c> extension.</summary>
    ProblemDetails = 1,
}
