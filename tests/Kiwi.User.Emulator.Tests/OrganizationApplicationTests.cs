using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

public sealed class OrganizationApplicationTests : EmulatorTest
{
    private static readonly object Request = new
    {
        application = "kiwi-demo", name = "Acme", brand_short_name = "ACME", primary_business = "anvils",
        usage_scenario = "testing", referrer_name = "coyote", discovery_way = "search", org_role_name = "owner",
    };

    [Fact]
    public async Task A_request_is_listed_as_pending_with_an_empty_role_name()
    {
        var token = Control.IssueAccessToken(Bodies.Alice);
        var before = await Http.GetAsync("/v1/user/organization_application/infos", token);

        var sent = await Http.PostAsync("/v1/user/organization_application/request", Bodies.Json(Request), token);
        var after = await Http.GetAsync("/v1/user/organization_application/infos", token);

        Assert.Equal("[]", before.Data.GetRawText());
        Assert.Equal("{\"success\":true}", sent.Data.GetRawText());
        Assert.Equal(
            "[{\"name\":\"Acme\",\"brand_short_name\":\"ACME\",\"primary_business\":\"anvils\","
            + "\"usage_scenario\":\"testing\",\"referrer_name\":\"coyote\",\"discovery_way\":\"search\","
            + "\"review_status\":\"pending\",\"org_role_name\":\"\"}]",
            after.Data.GetRawText());
    }

    [Fact]
    public async Task Missing_fields_are_400_missing_body()
    {
        var answer = await Http.PostAsync("/v1/user/organization_application/request",
            Bodies.Json(new { application = "kiwi-demo", name = "Acme" }), Control.IssueAccessToken(Bodies.Alice));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Bad Request: bad request, missing body", answer.Msg);
    }

    [Fact]
    public async Task A_user_without_a_phone_is_403_and_an_unknown_application_is_500()
    {
        Control.AddUser(new SeedUser { Id = "1864213360487714960", Application = "kiwi-demo", Name = "nophone" });

        var noPhone = await Http.PostAsync("/v1/user/organization_application/request", Bodies.Json(Request),
            Control.IssueAccessToken("1864213360487714960"));
        var unknownApp = await Http.PostAsync("/v1/user/organization_application/request",
            Bodies.Json(new
            {
                application = "other", name = "A", brand_short_name = "B", primary_business = "C", usage_scenario = "D",
                org_role_name = "E",
            }),
            Control.IssueAccessToken(Bodies.Alice));

        Assert.Equal("Forbidden: user_id does not bind any phone", noPhone.Msg);
        Assert.Equal(HttpStatusCode.InternalServerError, unknownApp.Status);
    }
}
