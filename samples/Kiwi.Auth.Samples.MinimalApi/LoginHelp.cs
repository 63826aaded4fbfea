using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kiwi.Auth.Samples.MinimalApi;

/// <summary>Prints how to log in at the emulator and call the sample, with the addresses actually bound.</summary>
internal static class LoginHelp
{
    public static void Print(WebApplication app, Uri emulator)
    {
        var sample = (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?
            .Addresses.FirstOrDefault() ?? SampleApp.DefaultUrl).TrimEnd('/');
        var login = new Uri(emulator, "v1/login/password");

        Console.WriteLine($$$"""

            kiwi-user emulator: {{{emulator}}} (demo users alice/alice-password and bob/bob-password)
            Sample API:         {{{sample}}}

            1. Log in as alice at the emulator and keep the access token:
               TOKEN=$(curl -s -X POST {{{login}}} -H 'Content-Type: application/json' \
                 -d '{"application_name":"kiwi-demo","name":"alice","password":"alice-password",
                      "device":{"device_type":"web","device_id":"curl"}}' \
                 | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
            2. Call the API with it (200, alice's id and claims):
               curl -s {{{sample}}}/v1/profile -H "Authorization: Bearer $TOKEN"
            3. Without a token (401, kiwi's error envelope):
               curl -si {{{sample}}}/v1/profile

            """);
    }
}
