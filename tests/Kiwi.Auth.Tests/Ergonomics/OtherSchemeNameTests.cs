using System.Net;
using Kiwi.Auth.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary>
/// Kiwi.Auth registered only under another scheme name: <c>RequireUser</c> and <c>RequireScope</c>, which name the
/// scheme <c>Kiwi</c>, reach it through the alias instead of failing with a 500 for a scheme that is not there.
/// </summary>
public sealed class OtherSchemeNameTests
{
    private const string Other = "KiwiUsers";

    [Fact]
    public async Task RequireUser_works_when_Kiwi_is_registered_under_another_name()
    {
        await using var host = await StartAsync(services =>
            services.AddAuthentication(Other).AddKiwiAuth(Other, o => o.BaseUrl = new Uri("http://127.0.0.1:9/")));

        using var valid = await host.GetAsync("/user", TestTokens.Create(userId: "31"));
        using var none = await host.GetAsync("/user");
        using var garbage = await host.GetAsync("/user", "not.a.token");
        using var scoped = await host.GetAsync("/admin", TestTokens.Create(scopes: ["read"]));
        using var admin = await host.GetAsync("/admin", TestTokens.Create(userId: "32", scopes: ["admin"]));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("31", await valid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(none, 20003);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scoped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("32", await admin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_default_name_registered_after_another_one_is_the_real_scheme_not_the_alias()
    {
        await using var host = await StartAsync(services =>
        {
            services.AddAuthentication().AddKiwiAuth(Other, o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
            services.AddKiwiAuth(o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
        });

        using var valid = await host.GetAsync("/user", TestTokens.Create(userId: "33"));
        using var none = await host.GetAsync("/user");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("33", await valid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    private static Task<LoopbackHost> StartAsync(Action<IServiceCollection> register) => LoopbackHost.StartAsync(
        builder =>
        {
            register(builder.Services);
            builder.Services.AddKeyedSingleton<Validation.ITokenValidator>(
                KiwiAuthMode.Remote, new PayloadTrustingValidator());
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser();
            app.MapGet("/admin", (KiwiUser user) => user.Id).RequireUser().RequireScope("admin");
        });
}
