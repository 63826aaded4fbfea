using Kiwi.Auth.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kiwi.Auth.Samples.Controllers.Controllers;

/// <summary>kiwi's personal role through <c>[Authorize(Roles = ...)]</c>, scopes through <c>[RequireScope]</c>.
/// </summary>
[ApiController]
[Route("api/notes")]
public sealed class NotesController : ControllerBase
{
    [HttpGet]
    [Authorize(Roles = "user")]
    public IActionResult List() => Ok(new[] { new Note("1", "Buy kiwis") });

    [HttpPost]
    [RequireScope("write")]
    public IActionResult Create(Note note) =>
        Created($"/api/notes/{note.Id}", note with { Author = User.GetKiwiUserId() });

    public sealed record Note(string Id, string Text)
    {
        public string? Author { get; init; }
    }
}
