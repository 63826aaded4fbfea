using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Tests.Telemetry;

public sealed class QueryStringLogCheckTests
{
    [Fact]
    public async Task Warns_at_startup_when_query_string_tokens_meet_the_request_log()
    {
        await using var api = await TestApi.StartAsync(o => o.TokenSources.QueryStringPaths.Add("/user"));

        var warning = Assert.Single(api.Logs.GetSnapshot(), r => r.Id.Name == "QueryStringTokensLogged");

        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", warning.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stays_quiet_when_the_request_log_is_at_warning()
    {
        await using var api = await TestApi.StartAsync(
            o => o.TokenSources.QueryStringPaths.Add("/user"),
            s => s.AddLogging(b => b.AddFilter(QueryStringLogCheck.HostingCategory, LogLevel.Warning)));

        Assert.DoesNotContain(api.Logs.GetSnapshot(), r => r.Id.Name == "QueryStringTokensLogged");
        Assert.Contains(api.Logs.GetSnapshot(), r => r.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task Stays_quiet_when_no_query_string_path_is_listed()
    {
        await using var api = await TestApi.StartAsync();

        Assert.DoesNotContain(api.Logs.GetSnapshot(), r => r.Id.Name == "QueryStringTokensLogged");
    }
}
