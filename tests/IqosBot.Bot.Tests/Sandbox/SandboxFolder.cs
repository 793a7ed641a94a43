namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>
/// A content root of its own for one test: the sandbox puts its database under it (data/benefits-sandbox.db
/// by default), so two hosts on the same folder are the same sandbox before and after a restart.
/// </summary>
public sealed class SandboxFolder : IDisposable
{
    public SandboxFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iqosbot-tests", "benefits-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp clean-up rather than failing the test.
        }
    }
}
