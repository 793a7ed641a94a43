using Microsoft.Extensions.Configuration;

namespace IqosBot.Privacy;

/// <summary>
/// The database files that can hold personal data, found from the same configuration the bot reads
/// (appsettings, environment variables such as <c>Storage__Path</c>), relative paths against the bot's folder.
/// </summary>
public sealed record PersonalDataFiles(string State, string Transcripts, string Insights, string? Sandbox)
{
    public static PersonalDataFiles From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var state = Path.GetFullPath(configuration["Storage:Path"] ?? "data/iqosbot.db", contentRoot);

        var transcripts = Handoff.Sqlite.TranscriptDatabase.PathBeside(state);
        var insights = IqosBot.Insights.Sqlite.InsightDatabase.PathBeside(state);

        // The sandbox is the bot's only when no external benefits API is configured.
        var sandbox = configuration["Benefits:BaseUrl"] is { Length: > 0 }
            ? null
            : Path.GetFullPath(configuration["Benefits:Sandbox:DatabasePath"] ?? "data/benefits-sandbox.db", contentRoot);
        return new PersonalDataFiles(state, transcripts, insights, sandbox);
    }
}
