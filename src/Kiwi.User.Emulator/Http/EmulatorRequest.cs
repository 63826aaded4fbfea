using System.Text;
using Kiwi.User.Emulator.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Kiwi.User.Emulator.Http;

/// <summary>A request with its body already read, handed to an endpoint.</summary>
internal sealed class EmulatorRequest
{
    private Dictionary<string, StringValues>? _form;

    public EmulatorRequest(HttpContext context, byte[] body)
    {
        Context = context;
        Body = body;
    }

    public HttpContext Context { get; }

    public byte[] Body { get; }

    /// <summary>Binds the body as gin's <c>ShouldBindJSON</c> would; false means a 400 bind failure.</summary>
    public bool TryBindJson(out GoJsonObject root, out GoJsonBinder binder) =>
        GoJsonBinder.TryParse(Body, out binder, out root);

    /// <summary>gin's <c>c.Query</c>: the first value of a query parameter, or empty.</summary>
    public string Query(string name) => Context.Request.Query[name].FirstOrDefault() ?? "";

    /// <summary>gin's <c>c.PostForm</c> for a URL-encoded body: the first value, or empty.</summary>
    public string Form(string name)
    {
        _form ??= ReadForm();
        return _form.TryGetValue(name, out var values) ? values.FirstOrDefault() ?? "" : "";
    }

    private Dictionary<string, StringValues> ReadForm()
    {
        var contentType = Context.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body));
    }
}
