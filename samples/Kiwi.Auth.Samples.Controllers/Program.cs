var builder = WebApplication.CreateBuilder(args);
builder.Services.AddKiwiAuth();
builder.Services.AddControllers();
var app = builder.Build();
app.MapControllers();
await app.RunAsync();
