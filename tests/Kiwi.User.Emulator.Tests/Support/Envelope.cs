namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>kiwi's envelopes spelled out as the contract gives them, for exact body comparisons.</summary>
public static class Envelope
{
    public static string Error(int code, string msg) =>
        "{\"status\":\"error\",\"error\":{\"code\":" + code + ",\"msg\":\"" + msg + "\"},\"data\":null}";

    public static string Success(string data) => "{\"status\":\"success\",\"error\":null,\"data\":" + data + "}";
}
