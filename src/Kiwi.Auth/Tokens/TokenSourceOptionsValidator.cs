using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tokens;

/// <summary>Refuses query-string token paths that could never match, at start, naming the setting.</summary>
internal sealed class TokenSourceOptionsValidator : IValidateOptions<KiwiAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, KiwiAuthOptions options)
    {
        var wrong = options.TokenSources.QueryStringPaths
            .Where(IsWrong)
            .ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "KiwiAuth:TokenSources:QueryStringPaths must hold paths that start with '/' and have no query, "
                + "fragment or trailing '/', such as /hubs/chat; found: "
                + $"{string.Join(", ", wrong.Select(p => $"'{p}'"))}.");
    }

    /// <summary>Paths match by whole segments, so a trailing '/' (or '/' alone) would match only itself and never
    /// the paths below it.</summary>
    private static bool IsWrong(string path) =>
        string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.EndsWith('/')
        || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal);
}
