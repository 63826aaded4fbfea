using System.Net;
using System.Text.Json;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>Contract 7.9: name override, Google-only email, the current_org_id rule, null versus arrays.</summary>
public sealed class Rule09UserInfoTests : EmulatorTest
{
    [Fact]
    public async Task User_info_fields_come_in_kiwi_order()
    {
        var answer = await Http.GetAsync("/v1/user/info", Control.IssueAccessToken(Bodies.Bob));

        Assert.Equal(
            "{\"id\":\"1864213360487714902\",\"application\":\"kiwi-demo\",\"name\":\"bob\",\"avatar\":\"\","
            + "\"phone\":\"+8613800000002\",\"email\":\"\",\"personal_role\":\"viewer\",\"personal_scopes\":[\"read\"],"
            + "\"current_org_id\":\"\",\"orgs\":null,\"department\":\"\"}",
            answer.Data.GetRawText());
    }

    [Fact]
    public async Task Name_is_the_display_name_when_set_and_email_is_the_google_one()
    {
        var answer = await Http.GetAsync("/v1/user/info", Control.IssueAccessToken(Bodies.Alice));

        Assert.Equal("Alice", answer.Data.GetProperty("name").GetString());
        Assert.Equal("alice@gmail.example.com", answer.Data.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Current_org_id_is_the_token_org_only_when_the_user_has_an_org()
    {
        var aliceToken = Control.IssueAccessToken(Bodies.Alice, organizationId: Bodies.DemoOrg);
        var bobToken = Control.IssueAccessToken(Bodies.Bob, organizationId: Bodies.DemoOrg);

        var alice = await Http.GetAsync("/v1/user/info", aliceToken);
        var bob = await Http.GetAsync("/v1/user/info", bobToken);

        Assert.Equal(Bodies.DemoOrg, alice.Data.GetProperty("current_org_id").GetString());
        Assert.Equal("", bob.Data.GetProperty("current_org_id").GetString());
    }

    [Fact]
    public async Task Personal_scopes_is_null_without_a_role_and_orgs_is_an_array_of_org_users()
    {
        Control.AddUser(new SeedUser { Id = "1864213360487714999", Application = "kiwi-demo", Name = "dave" });

        var dave = await Http.GetAsync("/v1/user/info", Control.IssueAccessToken("1864213360487714999"));
        var alice = await Http.GetAsync("/v1/user/info", Control.IssueAccessToken(Bodies.Alice));

        Assert.Equal(JsonValueKind.Null, dave.Data.GetProperty("personal_scopes").ValueKind);
        Assert.Equal("", dave.Data.GetProperty("personal_role").GetString());
        Assert.Equal(
            "[{\"id\":\"5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f\",\"name\":\"Kiwi Demo Org\",\"status\":\"premium\","
            + "\"permission_code\":\"demo\",\"refresh_at\":1764806400,\"expires_at\":4102444800,"
            + "\"organization_role\":\"owner\",\"organization_scopes\":[\"org.read\",\"org.write\",\"org.admin\"]}]",
            alice.Data.GetProperty("orgs").GetRawText());
    }

    [Fact]
    public async Task An_email_code_user_has_an_empty_email()
    {
        await Http.PostAsync("/v1/login/email/verify_code",
            Bodies.Json(new { email = "bob@example.com", code_type = "login" }));
        var login = await Http.PostAsync("/v1/login/email", Bodies.Json(new
        {
            application_name = "kiwi-demo", email = "bob@example.com",
            verify_code = Control.LastVerificationCode("bob@example.com"), device = Bodies.Device(),
        }));

        var info = await Http.GetAsync("/v1/user/info", login.Data.AccessToken());

        Assert.Equal(Bodies.Bob, info.Data.GetProperty("id").GetString());
        Assert.Equal("", info.Data.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Put_user_info_updates_fields_and_answers_with_an_empty_current_org()
    {
        var token = Control.IssueAccessToken(Bodies.Alice, organizationId: Bodies.DemoOrg);

        var answer = await Http.PutAsync("/v1/user/info",
            Bodies.Json(new { display_name = "", avatar = "https://example.com/a.png", department = "" }), token);
        var after = await Http.GetAsync("/v1/user/info", token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("", answer.Data.GetProperty("current_org_id").GetString());
        Assert.Equal("Alice", after.Data.GetProperty("name").GetString());
        Assert.Equal("https://example.com/a.png", after.Data.GetProperty("avatar").GetString());
        Assert.Equal("", after.Data.GetProperty("department").GetString());
        Assert.Equal(Bodies.DemoOrg, after.Data.GetProperty("current_org_id").GetString());
    }

    [Fact]
    public async Task A_base64_avatar_is_uploaded_and_served_and_a_data_uri_is_500()
    {
        var token = Control.IssueAccessToken(Bodies.Bob);
        var image = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

        var upload = await Http.PutAsync("/v1/user/info",
            Bodies.Json(new { avatar = Convert.ToBase64String(image) }), token);
        var dataUri = await Http.PutAsync("/v1/user/info",
            Bodies.Json(new { avatar = "data:image/png;base64," + Convert.ToBase64String(image) }), token);

        var url = upload.Data.GetProperty("avatar").GetString()!;
        Assert.Equal(image, await Http.Client.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.InternalServerError, dataUri.Status);
        Assert.Equal("Server Internal Error", dataUri.Msg);
    }

    [Fact]
    public async Task Output_escapes_angle_brackets_and_ampersands_with_lowercase_hex_and_keeps_unicode_raw()
    {
        var token = Control.IssueAccessToken(Bodies.Bob);

        var answer = await Http.PutAsync("/v1/user/info",
            Bodies.Json(new { display_name = "<b>&\"é中\"</b>", department = "R&D" }), token);

        Assert.Contains("\"name\":\"\\u003cb\\u003e\\u0026\\\"é中\\\"\\u003c/b\\u003e\"", answer.Body);
        Assert.Contains("\"department\":\"R\\u0026D\"", answer.Body);
    }
}
