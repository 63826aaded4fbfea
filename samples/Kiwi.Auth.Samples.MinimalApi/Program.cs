using Kiwi.Auth.Samples.MinimalApi;

await using var app = await SampleApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The sample's entry point, visible to tests.</summary>
public partial class Program;
