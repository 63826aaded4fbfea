using Kiwi.Auth.Samples.Controllers;

await using var app = await ControllersSampleApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The sample's entry point, visible to tests and <c>WebApplicationFactory</c>.</summary>
public partial class Program;
