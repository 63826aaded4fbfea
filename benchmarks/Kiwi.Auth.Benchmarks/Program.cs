BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Runs the benchmarks:
/// <c>dotnet run -c Release --project benchmarks/Kiwi.Auth.Benchmarks -- --filter '*'</c>.</summary>
internal sealed partial class Program;
