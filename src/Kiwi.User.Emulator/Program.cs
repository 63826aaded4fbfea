var app = WebApplication.Create(args);
app.MapGet("/ping", () => Results.Json(new { status = "success", error = (object?)null, data = new { success = true } }));
await app.RunAsync();
