using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tokens;

/// <summary>Refuses query-string token paths that could never match, at start, naming the setting.</summary>
internal sealed class TokenSourceOptionsValidator : IValidateOptions<KiwiAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, KiwiAuthOptions options)
    {
        var wrong = options.TokenSources.QueryStringPaths
            .Where(path => string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Contains('?'))
            .ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "KiwiAuth:TokenSources:QueryStringPaths must hold paths that start with '/' and have no query, "
                + $"such as /hubs/chat; found: {string.Join(", ", wrong.Select(p => $"'{p}'"))}.");
    }
}
