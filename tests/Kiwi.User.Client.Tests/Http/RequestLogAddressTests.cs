using Kiwi.User.Client.Internal;

namespace Kiwi.User.Client.Tests.Http;

public sealed class RequestLogAddressTests
{
    [Theory]
    [InlineData("https://user.example/v1/user/info", "https://user.example/v1/user/info")]
    [InlineData("https://kiwi:s3cret@user.example:8443/v1/user/info?access_token=a.b.c",
        "https://user.example:8443/v1/user/info")]
    [InlineData("http://127.0.0.1:5081/v1/token/refresh", "http://127.0.0.1:5081/v1/token/refresh")]
    public void The_logged_address_has_no_user_info_and_no_query(string address, string logged)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);

        Assert.Equal(logged, KiwiHttpClientLogger.AddressOf(request));
    }

    [Fact]
    public void A_relative_address_is_logged_without_its_query()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("v1/user/info?token=x", UriKind.Relative));

        Assert.Equal("v1/user/info", KiwiHttpClientLogger.AddressOf(request));
    }
}
