namespace IqosBot.Storage;

/// <summary>
/// The values of Storage:Provider, read the same way by every store with one implementation per provider.
/// An unknown name stops the start in <see cref="StorageServiceCollectionExtensions.AddBotState"/>.
/// </summary>
public static class StorageProviders
{
    public const string ConfigurationKey = "Storage:Provider";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Whether the stores live in PostgreSQL (ConnectionStrings:Postgres) rather than the SQLite file.</summary>
    public static bool IsPostgres(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[ConfigurationKey], Postgres, StringComparison.OrdinalIgnoreCase);
    }
}
