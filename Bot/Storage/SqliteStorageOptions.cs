namespace IqosBot.Storage;

/// <summary>Where <see cref="SqliteStorage"/> keeps its database.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>
    /// The database file. A relative path is resolved against the current directory;
    /// the folder and the file are created if missing.
    /// </summary>
    public string Path { get; set; } = "data/iqosbot.db";
}
