using System.Diagnostics;
using System.Reflection;
using IqosBot.Bot.Tests.TwoProcesses;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Deployment;

/// <summary>
/// The Bicep CLI (the NuGet package this test project downloads; its path is the assembly's BicepPath metadata) run
/// on deployment/azure, offline. Commands that write next to their input (snapshot) run on a copy of the folder, so
/// the repository is never written to and concurrent tests do not race.
/// </summary>
internal static class Bicep
{
    /// <summary>The folder the deployment lives in.</summary>
    public static string Folder { get; } = BuildOutput.InRepository("deployment", "azure");

    /// <summary>The values the parameter files read, as deploy.sh exports them; each secret is recognisable wherever it lands.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["IQOSBOT_BENEFITS_BASE_URL"] = "https://benefits.example.test/api/",
        ["IQOSBOT_BENEFITS_API_KEY"] = "benefits-api-key-from-the-environment",
        ["IQOSBOT_DIRECT_LINE_SECRET"] = "direct-line-secret-from-the-environment-0123456789",
        ["IQOSBOT_POSTGRES_PASSWORD"] = "PostgresPasswordFromTheEnvironment42",
        ["IQOSBOT_OIDC_CLIENT_ID"] = "6b0c5e4a-1111-4222-8333-444455556666",
        ["IQOSBOT_OIDC_CLIENT_SECRET"] = "oidc-client-secret-from-the-environment",
        ["IQOSBOT_WEBSITE_ORIGINS"] = "https://www.example.se https://butik.example.se",
    };

    /// <summary>The environment variables whose values are secrets.</summary>
    public static IReadOnlyList<string> SecretVariables { get; } =
        ["IQOSBOT_BENEFITS_API_KEY", "IQOSBOT_DIRECT_LINE_SECRET", "IQOSBOT_POSTGRES_PASSWORD", "IQOSBOT_OIDC_CLIENT_SECRET"];

    public const string SubscriptionId = "11111111-2222-4333-8444-555555555555";
    public const string TenantId = "99999999-8888-4777-8666-555555555555";
    public const string ResourceGroup = "iqosbot-rg";

    private static readonly Lazy<Task<JObject>> CompiledTemplate = new(async () =>
    {
        var result = await RunAsync(["build", Path.Combine(Folder, "main.bicep"), "--stdout"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JObject.Parse(result.Output);
    });

    private static readonly Dictionary<string, Lazy<Task<JObject>>> Snapshots = new(StringComparer.Ordinal)
    {
        ["test"] = new(() => CreateSnapshotAsync("test")),
        ["prod"] = new(() => CreateSnapshotAsync("prod")),
        ["test-cache"] = new(() => CreateSnapshotAsync("test-cache")),
    };

    /// <summary>main.bicep compiled to an ARM template (bicep build), modules as nested deployments.</summary>
    public static Task<JObject> CompiledAsync() => CompiledTemplate.Value;

    /// <summary>
    /// What a deployment with main.&lt;environment&gt;.bicepparam would create (bicep snapshot): every resource of
    /// every module with parameters, variables, conditions and loops evaluated; what only Azure knows at deployment
    /// time (reference(), listKeys()) stays an ARM expression such as "[reference('…').clientId]". "test-cache" is the
    /// test file with <c>redisService = 'cache'</c>.
    /// </summary>
    public static Task<JObject> SnapshotAsync(string environment) => Snapshots[environment].Value;

    /// <summary>The parameter values of main.&lt;environment&gt;.bicepparam (bicep build-params).</summary>
    public static async Task<JObject> ParametersAsync(string environment)
    {
        var result = await RunAsync(["build-params", Path.Combine(Folder, $"main.{environment}.bicepparam"), "--stdout"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var parameters = (JObject)JObject.Parse((string)JObject.Parse(result.Output)["parametersJson"]!)["parameters"]!;
        return new JObject(parameters.Properties().Select(parameter => new JProperty(parameter.Name, parameter.Value["value"])));
    }

    /// <summary>Runs the CLI with <see cref="Environment"/> (minus <paramref name="without"/>) as the only IQOSBOT_* variables.</summary>
    public static async Task<BicepResult> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory = null, string? without = null)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("IQOSBOT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Environment.Where(variable => variable.Key != without))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new BicepResult(process.ExitCode, await output, await errors);
    }

    /// <summary>Every template in <paramref name="template"/>: itself and each module's, nested in deployments.</summary>
    public static IEnumerable<(string Module, JObject Template)> Templates(JObject template, string module = "main")
    {
        yield return (module, template);
        foreach (var resource in Resources(template).Where(resource => (string?)resource["type"] == "Microsoft.Resources/deployments"))
        {
            if (resource["properties"]?["template"] is JObject nested)
            {
                foreach (var inner in Templates(nested, (string)resource["name"]!))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>A template's resources, whether an array or (language version 2.0) an object by symbolic name.</summary>
    public static IEnumerable<JObject> Resources(JObject template) => template["resources"] switch
    {
        JArray array => array.OfType<JObject>(),
        JObject symbolic => symbolic.Properties().Select(property => property.Value).OfType<JObject>(),
        _ => [],
    };

    private static async Task<JObject> CreateSnapshotAsync(string environment)
    {
        var copy = Path.Combine(Path.GetTempPath(), "iqosbot-bicep-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(Folder, copy);
            if (environment == "test-cache")
            {
                // The test environment on the older Azure Cache for Redis, as a subscription that still may create one chooses.
                var test = await File.ReadAllTextAsync(Path.Combine(copy, "main.test.bicepparam"));
                Assert.Contains("param redisService = 'managed'", test, StringComparison.Ordinal);
                await File.WriteAllTextAsync(Path.Combine(copy, "main.test-cache.bicepparam"), test.Replace("param redisService = 'managed'", "param redisService = 'cache'", StringComparison.Ordinal));
            }

            var result = await RunAsync(
                [
                    "snapshot", Path.Combine(copy, $"main.{environment}.bicepparam"), "--mode", "overwrite",
                    "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--resource-group", ResourceGroup, "--location", "swedencentral",
                ],
                copy);
            Assert.True(result.ExitCode == 0, result.ToString());
            return JObject.Parse(await File.ReadAllTextAsync(Path.Combine(copy, $"main.{environment}.snapshot.json")));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    private static string Executable()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepPath").Value!;
        Assert.True(File.Exists(path), $"No Bicep CLI at {path}: restore the test project (dotnet restore tests/IqosBot.Bot.Tests) to download it.");

        // NuGet's extraction may drop the executable bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}

/// <summary>One run of the CLI.</summary>
internal sealed record BicepResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}{System.Environment.NewLine}{Output}{System.Environment.NewLine}{Errors}";
}
