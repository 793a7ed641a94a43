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

    /// <summary>
    /// Every file of the folder as text, databases and their WAL included, for asserting what is stored. SQLite
    /// removes its -shm and -wal files when the last connection closes, so a file gone between listing and
    /// reading is skipped: it holds nothing any more.
    /// </summary>
    public async Task<string> AllStoredTextAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            try
            {
                text.AppendLine(System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
            }
            catch (FileNotFoundException)
            {
            }
        }

        return text.ToString();
    }

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
