using System.Diagnostics;
using System.IO.Compression;
using IqosBot.Bot.Tests.TwoProcesses;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Teams;

/// <summary>
/// `tools … teams-package`: the zip an administrator uploads to Teams. Its manifest and Swedish localisation are
/// checked against Microsoft's own schemas (tests/teams-manifest, with @microsoft/app-manifest and ajv pinned), its
/// icons against Teams' rules, and its commands against the bot: each one, in each language, starts what it says.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "0a1b2c3d-1111-4222-8333-444455556666";
    private const string BotId = "9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff";
    private const string Host = "iqosbot-test.azurewebsites.net";
    private const string PrivacyUrl = "https://se.example.com/integritet";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-teams-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_package_holds_the_manifest_with_this_deployments_ids_its_localisation_and_both_icons()
    {
        var zip = await BuildAsync();

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png", "sv.json"], archive.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        var manifest = JObject.Parse(Read(archive, "manifest.json"));
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["personal"], manifest["bots"]![0]!["scopes"]!.Values<string>());
        Assert.Equal([Host], manifest["validDomains"]!.Values<string>());
        Assert.Equal(PrivacyUrl, (string?)manifest["developer"]!["privacyUrl"]);
        Assert.DoesNotContain("${{", Read(archive, "manifest.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_and_the_swedish_localisation_pass_the_official_schemas()
    {
        var files = Extract(await BuildAsync());

        var (exitCode, output) = await ValidateAsync(files["manifest.json"], files["sv.json"]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("valid " + files["manifest.json"], output, StringComparison.Ordinal);
        Assert.Contains("valid " + files["sv.json"], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_check_refuses_a_manifest_teams_would_refuse()
    {
        var files = Extract(await BuildAsync());
        var manifest = JObject.Parse(await File.ReadAllTextAsync(files["manifest.json"]));
        manifest["name"]!["short"] = "IQOS customer care, the long name";
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        await File.WriteAllTextAsync(files["manifest.json"], manifest.ToString());

        var (exitCode, output) = await ValidateAsync(files["manifest.json"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("/name/short must NOT have more than 30 characters", output, StringComparison.Ordinal);
        Assert.Contains("/bots/0/botId must match pattern", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_colour_icon_is_192_pixels_square_and_the_outline_32_pixels_white_on_transparent()
    {
        var files = Extract(await BuildAsync());

        var colour = Png.Read(files["color.png"]);
        Assert.Equal((192, 192), (colour.Width, colour.Height));
        Assert.All(colour.Pixels(), pixel => Assert.Equal(255, pixel.A));

        var outline = Png.Read(files["outline.png"]);
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = outline.Pixels().ToList();
        Assert.Contains(pixels, pixel => pixel.A == 0);
        Assert.Contains(pixels, pixel => pixel.A == 255);
        Assert.All(pixels.Where(pixel => pixel.A > 0), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
    }

    [Fact]
    public async Task Malformed_ids_a_url_for_a_host_and_no_privacy_notice_are_refused_with_what_is_wrong_and_no_package()
    {
        var zip = Path.Combine(_folder, "refused.zip");

        var (exitCode, output) = await RunToolAsync("teams-package", "--app-id", "0a1b2c3d", "--bot-id", "iqosbot", "--host", "https://" + Host + "/api/messages", "--out", zip);

        Assert.Equal(2, exitCode);
        Assert.Contains("--app-id must be a GUID", output, StringComparison.Ordinal);
        Assert.Contains("--bot-id must be a GUID", output, StringComparison.Ordinal);
        Assert.Contains("--host must be the bot's public host name", output, StringComparison.Ordinal);
        Assert.Contains("--privacy-url must be an https address", output, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<string> BuildAsync()
    {
        var zip = Path.Combine(_folder, "iqosbot-teams.zip");
        var (exitCode, output) = await RunToolAsync("teams-package", "--app-id", AppId, "--bot-id", BotId, "--host", Host, "--privacy-url", PrivacyUrl, "--out", zip);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Wrote " + zip, output, StringComparison.Ordinal);
        return zip;
    }

    private Dictionary<string, string> Extract(string zip)
    {
        var target = Path.Combine(_folder, "extracted");
        ZipFile.ExtractToDirectory(zip, target, overwriteFiles: true);
        return Directory.GetFiles(target).ToDictionary(path => Path.GetFileName(path), path => path, StringComparer.Ordinal);
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>tests/teams-manifest/validate.mjs (its packages installed by scripts/test.sh).</summary>
    private static Task<(int ExitCode, string Output)> ValidateAsync(params string[] files)
    {
        var checker = BuildOutput.InRepository("tests", "teams-manifest");
        Assert.True(Directory.Exists(Path.Combine(checker, "node_modules")), $"Run `npm ci --prefix {checker}` (scripts/test.sh does).");
        return RunAsync("node", [Path.Combine(checker, "validate.mjs"), .. files]);
    }

    /// <summary>The built tools program (built with the solution, in this test build's configuration).</summary>
    private static Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments)
    {
        var tool = BuildOutput.Program(Path.Combine("tools", "IqosBot.Tools"), "IqosBot.Tools");
        return RunAsync("dotnet", [tool, .. arguments], BuildOutput.RepositoryRoot);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
