using System.IO.Compression;
using System.Text.Json;

namespace IqosBot.Tools;

/// <summary>
/// teams-package: the Teams app package (iqosbot-teams.zip) to upload in Teams or the Teams admin centre, built from
/// deployment/teams with this deployment's ids and host filled in. Teams wants the manifest, its localisation files
/// and the two icons at the root of the zip.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string Usage =
        "teams-package --app-id GUID --bot-id GUID --host HOST --privacy-url URL [--out FILE]\n"
        + "  --app-id       the Teams app's own id (a new GUID, kept for every later version of the app)\n"
        + "  --bot-id       the Azure Bot's Microsoft App ID (its managed identity's client id)\n"
        + "  --host         the bot's public host name, e.g. iqosbot.azurewebsites.net (no https://, no path)\n"
        + "  --privacy-url  the https address of the privacy notice customers are shown\n"
        + "  --out          where to write the package (default iqosbot-teams.zip in the current folder)";

    /// <summary>What the package holds, besides the manifest: the files it names.</summary>
    private static readonly string[] Files = ["sv.json", "color.png", "outline.png"];

    public static int Run(IReadOnlyList<string> args, string repositoryRoot, TextWriter output, TextWriter error)
    {
        var options = Options(args);
        var problems = new List<string>();
        var appId = Guid(options, "app-id", problems);
        var botId = Guid(options, "bot-id", problems);
        var host = options.GetValueOrDefault("host");
        if (host is null || Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            problems.Add("--host must be the bot's public host name, e.g. iqosbot.azurewebsites.net");
        }

        var privacy = options.GetValueOrDefault("privacy-url");
        if (privacy is null || !Uri.TryCreate(privacy, UriKind.Absolute, out var privacyUri) || privacyUri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("--privacy-url must be an https address");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(error.WriteLine);
            error.WriteLine(Usage);
            return 2;
        }

        var source = Path.Combine(repositoryRoot, "deployment", "teams");
        var manifest = File.ReadAllText(Path.Combine(source, "manifest.json"))
            .Replace("${{TEAMS_APP_ID}}", appId, StringComparison.Ordinal)
            .Replace("${{BOT_ID}}", botId, StringComparison.Ordinal)
            .Replace("${{BOT_DOMAIN}}", host!, StringComparison.Ordinal)
            .Replace("\"${{PRIVACY_URL}}\"", JsonSerializer.Serialize(privacy), StringComparison.Ordinal);
        if (manifest.Contains("${{", StringComparison.Ordinal))
        {
            error.WriteLine("deployment/teams/manifest.json has a placeholder this command does not fill in.");
            return 1;
        }

        var path = Path.GetFullPath(options.GetValueOrDefault("out") ?? "iqosbot-teams.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write(manifest);
            }

            foreach (var file in Files)
            {
                zip.CreateEntryFromFile(Path.Combine(source, file), file);
            }
        }

        output.WriteLine($"Wrote {path}: upload it in Teams (Apps, Manage your apps, Upload an app) or in the Teams admin centre.");
        return 0;
    }

    private static string Guid(Dictionary<string, string> options, string name, List<string> problems)
    {
        if (options.GetValueOrDefault(name) is { } value && System.Guid.TryParseExact(value, "D", out var id))
        {
            return id.ToString("D");
        }

        problems.Add($"--{name} must be a GUID such as 0a1b2c3d-1111-4222-8333-444455556666");
        return string.Empty;
    }

    private static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = args[i + 1];
            }
        }

        return options;
    }
}
