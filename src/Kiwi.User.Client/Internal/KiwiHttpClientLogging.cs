using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiwi.User.Client.Internal;

/// <summary>Puts <see cref="KiwiHttpClientLogger"/> in place of a client's default loggers.</summary>
internal static class KiwiHttpClientLogging
{
    /// <summary>Removes every logger of the client and logs each request once, around the whole handler pipeline,
    /// under the category the default logger uses, so that existing log filters still apply.</summary>
    public static IHttpClientBuilder UseTokenSafeLogging(this IHttpClientBuilder builder)
    {
        var category = $"System.Net.Http.HttpClient.{builder.Name}.LogicalHandler";
        return builder.RemoveAllLoggers().AddLogger(
            provider => new KiwiHttpClientLogger(provider.GetRequiredService<ILoggerFactory>().CreateLogger(category)),
            wrapHandlersPipeline: true);
    }
}
