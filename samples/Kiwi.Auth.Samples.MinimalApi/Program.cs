var builder = WebApplication.CreateBuilder(args);
builder.Services.AddKiwiAuth();
builder.Services.AddAuthorization();
var app = builder.Build();
app.MapGet("/v1/public/health", () => Results.Ok(new { status = "ok" }));
app.MapGet("/v1/profile", (Kiwi.Auth.KiwiUser user) => Results.Ok(new { user_id = user.Id })).RequireUser();
await app.RunAsync();

/// <summary>The sample's entry point, visible to tests.</summary>
public partial class Program;
