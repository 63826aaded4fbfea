BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Runs the benchmarks: dotnet run -c Release --project benchmarks/Kiwi.Auth.Benchmarks -- --filter '*'.</summary>
internal sealed partial class Program;
