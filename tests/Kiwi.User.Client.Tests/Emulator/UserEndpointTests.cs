using System.Net;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client.Tests.Emulator;

public sealed class UserEndpointTests : EmulatorClientTest
{
    [Fact]
    public async Task User_info_returns_the_tokens_user()
    {
        var login = await LoginAliceAsync();

        var info = await Client.GetUserInfoAsync(login.AccessToken);

        Assert.Equal(AliceId, info.Id);
        Assert.Equal(Application, info.Application);
        Assert.Equal("Alice", info.Name);
        Assert.Equal("Engineering", info.Department);
        Assert.Equal(DemoOrganization, Assert.Single(info.Organizations!).Id);
    }

    [Fact]
    public async Task User_info_with_a_bad_token_is_unauthorized()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.GetUserInfoAsync("not.a.token"));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(KiwiErrorCodes.Unauthorized, exception.Code);
        Assert.Equal("Unauthorized", exception.KiwiMessage);
    }

    [Fact]
    public async Task User_info_of_a_deleted_user_is_forbidden()
    {
        var login = await LoginAliceAsync();
        Control.RemoveUser(AliceId);

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.GetUserInfoAsync(login.AccessToken));

        Assert.Equal("Forbidden: user not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Profile_update_changes_the_display_name_and_department()
    {
        var login = await LoginAliceAsync();

        var updated = await Client.UpdateUserInfoAsync(login.AccessToken,
            new UpdateUserInfoRequest { DisplayName = "Alice L.", Department = "Research" });
        var read = await Client.GetUserInfoAsync(login.AccessToken);

        Assert.Equal("Alice L.", updated.Name);
        Assert.Equal("", updated.CurrentOrganizationId);
        Assert.Equal(("Alice L.", "Research"), (read.Name, read.Department));
    }

    [Fact]
    public async Task Profile_update_without_a_token_is_unauthorized()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(
            () => Client.UpdateUserInfoAsync("x.y.z", new UpdateUserInfoRequest { DisplayName = "Eve" }));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_refresh_token_and_a_second_logout_is_forbidden()
    {
        var login = await LoginAliceAsync();
        var request = new LogoutRequest(login.RefreshToken, Device);

        await Client.LogoutAsync(login.AccessToken, request);
        var refresh = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.RefreshAsync(new RefreshTokenRequest(AliceId, login.RefreshToken, Device)));
        var second = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.LogoutAsync(login.AccessToken, request));

        Assert.Equal("Forbidden: invalid refresh token", refresh.KiwiMessage);
        Assert.Equal("Forbidden: invalid refresh token", second.KiwiMessage);
        Assert.True((await Client.VerifyTokenAsync(login.AccessToken)).Success);
    }

    [Fact]
    public async Task Logout_of_an_unknown_device_is_forbidden()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LogoutAsync(
            login.AccessToken, new LogoutRequest(login.RefreshToken, new KiwiDevice("web", "elsewhere"))));

        Assert.Equal("Forbidden: device not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Logout_of_a_deleted_user_is_forbidden()
    {
        var login = await LoginAliceAsync();
        Control.RemoveUser(AliceId);

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.LogoutAsync(login.AccessToken, new LogoutRequest(login.RefreshToken, Device)));

        Assert.Equal("Forbidden: user not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Profile_update_with_a_data_uri_avatar_fails_as_kiwi_user_does()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => Client.UpdateUserInfoAsync(
            login.AccessToken, new UpdateUserInfoRequest { Avatar = "data:image/png;base64,AAAA" }));

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(KiwiErrorCodes.InternalError, exception.Code);
    }

    [Fact]
    public async Task Organization_applications_are_filed_and_listed()
    {
        var login = await LoginAliceAsync();

        var before = await Client.GetOrganizationApplicationsAsync(login.AccessToken);
        await Client.SubmitOrganizationApplicationAsync(login.AccessToken, NewApplication());
        var after = await Client.GetOrganizationApplicationsAsync(login.AccessToken);

        Assert.Empty(before);
        var filed = Assert.Single(after);
        Assert.Equal(("Acme", "pending", ""), (filed.Name, filed.ReviewStatus, filed.OrganizationRoleName));
    }

    [Fact]
    public async Task Organization_application_with_missing_fields_is_a_bad_request()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.SubmitOrganizationApplicationAsync(
            login.AccessToken, NewApplication() with { BrandShortName = "" }));

        Assert.Equal("Bad Request: bad request, missing body", exception.KiwiMessage);
    }

    [Fact]
    public async Task Organization_application_of_a_user_without_a_phone_is_forbidden()
    {
        await Client.SendEmailCodeAsync(new EmailCodeRequest("newcomer@example.com"));
        var code = Control.LastVerificationCode("newcomer@example.com")!;
        var login = await Client.LoginWithEmailAsync(
            new EmailLoginRequest(Application, "newcomer@example.com", code, Device));

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.SubmitOrganizationApplicationAsync(login.AccessToken, NewApplication()));

        Assert.Equal("Forbidden: user_id does not bind any phone", exception.KiwiMessage);
    }

    private static OrganizationApplicationRequest NewApplication() => new()
    {
        Application = Application,
        Name = "Acme",
        BrandShortName = "acme",
        PrimaryBusiness = "anvils",
        UsageScenario = "testing",
        OrganizationRoleName = "owner",
    };
}
