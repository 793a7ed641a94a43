using System.Text.Json;
using IqosBot.Privacy;

namespace IqosBot.Tools;

/// <summary>
/// personal-data export|erase --email X | --phone P | --conversation C: a data-subject request in one command,
/// on the files of the bot's own configuration (Bot/appsettings*.json and environment variables such as
/// Storage__Path), safe while the bot runs. Export prints JSON; erase prints what it removed, per table.
/// </summary>
internal static class PersonalDataCommand
{
    // Printed for a person to read (and hand over): "+46…", "å" and "<" as themselves, not \u-escaped for HTML.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, TextWriter output, TextWriter errors)
    {
        var action = args.ElementAtOrDefault(1);
        var subject = new PersonalDataSubject(Option(args, "--email"), Option(args, "--phone"), Option(args, "--conversation"));
        if (action is not ("export" or "erase") || subject.IsEmpty)
        {
            await errors.WriteLineAsync("usage: personal-data export|erase --email <address> | --phone <number> | --conversation <id>").ConfigureAwait(false);
            return 2;
        }

        var botFolder = Path.Combine(repositoryRoot, "Bot");
        var configuration = BotConfiguration.Load(botFolder);
        var requests = PersonalDataRequests.From(configuration, botFolder);

        if (action == "export")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(await requests.ExportAsync(subject, CancellationToken.None).ConfigureAwait(false), Json)).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { erased = await requests.EraseAsync(subject, CancellationToken.None).ConfigureAwait(false) }, Json)).ConfigureAwait(false);
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
