namespace Kiwi.User.Emulator;

/// <summary>
/// The command-line entry point. An explicit class in the emulator's namespace, not top-level statements: those
/// make a global public <c>Program</c> that would collide with the <c>Program</c> of every application whose tests
/// reference the emulator (<c>WebApplicationFactory&lt;Program&gt;</c>).
/// </summary>
internal static class EmulatorProgram
{
    public static Task<int> Main(string[] args) => EmulatorCommandLine.RunAsync(args);
}
