namespace Kiwi.Auth.EndToEnd.Tests.Configuration;

/// <summary>A JSON settings file in a folder of its own, which a test edits while the application watches it, as
/// an operator edits appsettings.json on a running server.</summary>
internal sealed class SettingsFile : IDisposable
{
    private readonly string _folder;

    private SettingsFile(string folder)
    {
        _folder = folder;
        Path = System.IO.Path.Combine(folder, "appsettings.json");
    }

    public string Path { get; }

    public static SettingsFile Create(string json)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kiwi-auth-reload-" + Guid.NewGuid());
        Directory.CreateDirectory(folder);
        var file = new SettingsFile(folder);
        file.Write(json);
        return file;
    }

    /// <summary>Replaces the content in one step, so that the watcher never reads a half-written file.</summary>
    public void Write(string json)
    {
        var draft = Path + ".draft";
        File.WriteAllText(draft, json);
        File.Move(draft, Path, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
