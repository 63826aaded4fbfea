using Kiwi.Auth.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Telemetry;

/// <summary>
/// Warns at startup when tokens may come in the query string while ASP.NET Core's request log is on: its
/// "Request starting" and "Request finished" lines hold the whole URL, written before any middleware (Kiwi.Auth
/// included) can take the token out. Only the logging configuration can keep the token out of those lines.
/// </summary>
internal sealed class QueryStringLogCheck(IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService
{
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<KiwiAuthHttpClient.Marker>() is not { } marker)
        {
            return Task.CompletedTask;
        }

        var options = services.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>().Get(marker.Scheme);
        if (options.TokenSources.QueryStringPaths.Count > 0
            && loggerFactory.CreateLogger(HostingCategory).IsEnabled(LogLevel.Information))
        {
            loggerFactory.CreateLogger<QueryStringLogCheck>().QueryStringTokensLogged(HostingCategory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
