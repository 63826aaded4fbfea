using System.Text.Json;

namespace Kiwi.Auth.Tests.Fixtures;

/// <summary>The tokens in tests/fixtures/tokens.json, made in kiwi-user's exact format.</summary>
public sealed record FixtureToken(string Name, string Token, string Expected, string Why)
{
    public bool IsValid => Expected == "valid";

    public override string ToString() => Name;
}

public static class FixtureTokens
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static IReadOnlyList<FixtureToken> All { get; } = Load();

    public static string PublicKeyPem => File.ReadAllText(Path.Combine(Directory, "kiwi-fixture-public.pem"));

    public static FixtureToken Named(string name) => All.Single(t => t.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var token in All)
        {
            data.Add(token.Name);
        }

        return data;
    }

    private static List<FixtureToken> Load()
    {
        using var stream = File.OpenRead(Path.Combine(Directory, "tokens.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray()
            .Select(e => new FixtureToken(
                e.GetProperty("name").GetString()!,
                e.GetProperty("token").GetString()!,
                e.GetProperty("expected").GetString()!,
                e.GetProperty("why").GetString()!))
            .ToList();
    }
}
