using System.Text.Json;

namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>The kiwi-user fixture tokens and keys in tests/fixtures (copied to the output's fixtures/).</summary>
public static class Fixtures
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string PrivateKeyPem => File.ReadAllText(Path.Combine(Directory, "kiwi-fixture-private.pem"));

    public static string PublicKeyPem => File.ReadAllText(Path.Combine(Directory, "kiwi-fixture-public.pem"));

    public static IReadOnlyList<(string Name, string Token, string Expected)> Tokens()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "tokens.json")));
        return document.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("token").GetString()!,
                e.GetProperty("expected").GetString()!))
            .ToList();
    }

    public static TheoryData<string> TokenNames()
    {
        var data = new TheoryData<string>();
        foreach (var token in Tokens())
        {
            data.Add(token.Name);
        }

        return data;
    }
}
