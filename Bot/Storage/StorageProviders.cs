namespace IqosBot.Storage;

/// <summary>
/// Which database Storage:Provider names, for every store with one implementation per provider. An unknown
/// name stops the start in <see cref="StorageServiceCollectionExtensions.AddBotState"/>.
/// </summary>
public static class StorageProviders
{
    public const string ConfigurationKey = "Storage:Provider";

    public static bool IsPostgres(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[ConfigurationKey], "Postgres", StringComparison.OrdinalIgnoreCase);
    }
}
