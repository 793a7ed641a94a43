namespace IqosBot.Bot.Tests.Hosting;

/// <summary>A state file of its own for one test, removed afterwards with its WAL files.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iqosbot-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "state.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp clean-up rather than failing the test.
        }
    }
}
