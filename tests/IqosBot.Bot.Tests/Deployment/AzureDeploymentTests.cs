using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using IqosBot.AgentConsole;
using IqosBot.Benefits;
using IqosBot.Bot.Tests.TwoProcesses;
using IqosBot.Configuration;
using IqosBot.DirectLine;
using IqosBot.RateLimiting;
using IqosBot.Recognition;
using IqosBot.Recognition.Clu;
using IqosBot.Storage;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Deployment;

/// <summary>
/// deployment/azure, checked offline with the Bicep CLI: main.bicep and its modules compile and lint without a
/// warning; each parameter file builds from the variables deploy.sh exports and sizes its environment; and what a
/// deployment of each would create (bicep snapshot: every module's resources with parameters, conditions and loops
/// evaluated) is what an operator relies on: two instances or more, WebSockets, no affinity, /readyz as the health
/// check, every secret a Key Vault reference read with the bot's managed identity and nowhere else, the Azure Bot on
/// that identity with Teams and Direct Line, and app settings the bot starts on in Production and reads key by key.
/// deploy.sh passes bash -n and shellcheck and says what is missing before it touches Azure.
/// </summary>
public sealed partial class AzureDeploymentTests
{
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    /// <summary>App settings that are secrets, and the Key Vault secret each must name.</summary>
    private static readonly Dictionary<string, string> SecretSettings = new(StringComparer.Ordinal)
    {
        ["DirectLine__Secret"] = "direct-line-secret",
        ["Benefits__ApiKey"] = "benefits-api-key",
        ["AgentConsole__OpenIdConnect__ClientSecret"] = "oidc-client-secret",
        ["ConnectionStrings__Postgres"] = "postgres-connection",
        ["ConnectionStrings__Redis"] = "redis-connection",
        ["Clu__Key"] = "clu-key",
    };

    /// <summary>What a resolved Key Vault reference stands for in the configuration tests: 40 characters, like a real secret.</summary>
    private static readonly string ResolvedSecret = "secret-resolved-from-key-vault-" + new string('0', 9);

    [Fact]
    public async Task The_template_its_modules_and_both_parameter_files_compile_and_lint_without_a_single_warning()
    {
        var build = await Bicep.RunAsync(["build", "main.bicep", "--stdout"]);
        Assert.True(build.ExitCode == 0 && string.IsNullOrWhiteSpace(build.Errors), build.ToString());
        JObject.Parse(build.Output);

        var files = new[] { "main.bicep", "main.test.bicepparam", "main.prod.bicepparam" }
            .Concat(Directory.GetFiles(Path.Combine(Bicep.Folder, "modules"), "*.bicep").Select(path => Path.Combine("modules", Path.GetFileName(path))));
        foreach (var file in files)
        {
            var lint = await Bicep.RunAsync(["lint", file]);
            Assert.True(lint.ExitCode == 0 && string.IsNullOrWhiteSpace(lint.Output + lint.Errors), file + ": " + lint);
        }
    }

    [Fact]
    public async Task The_test_parameters_give_two_instances_up_to_four_without_high_availability_purge_protection_or_language()
    {
        var parameters = await Bicep.ParametersAsync("test");

        Assert.Equal("test", (string?)parameters["environmentName"]);
        Assert.Equal(2, (int)parameters["instanceCount"]!);
        Assert.Equal(4, (int)parameters["maxInstanceCount"]!);
        Assert.False((bool)parameters["postgresHighAvailability"]!);
        Assert.False((bool)parameters["keyVaultPurgeProtection"]!);
        Assert.False((bool)parameters["deployLanguage"]!);
        Assert.Equal("managed", (string?)parameters["redisService"]);
        Assert.False((bool)parameters["managedRedisHighAvailability"]!);
        AssertReadFromTheEnvironment(parameters);
    }

    [Fact]
    public async Task The_production_parameters_give_three_instances_or_more_up_to_ten_with_high_availability_purge_protection_and_language()
    {
        var parameters = await Bicep.ParametersAsync("prod");

        Assert.Equal("prod", (string?)parameters["environmentName"]);
        Assert.True((int)parameters["instanceCount"]! >= 3);
        Assert.Equal(10, (int)parameters["maxInstanceCount"]!);
        Assert.True((bool)parameters["zoneRedundant"]!);
        Assert.True((bool)parameters["postgresHighAvailability"]!);
        Assert.Equal("GeneralPurpose", (string?)parameters["postgresSkuTier"]);
        Assert.Equal("managed", (string?)parameters["redisService"]);
        Assert.True((bool)parameters["managedRedisHighAvailability"]!);
        Assert.True((bool)parameters["keyVaultPurgeProtection"]!);
        Assert.True((bool)parameters["deployLanguage"]!);
        AssertReadFromTheEnvironment(parameters);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task A_parameter_file_without_the_benefits_api_address_does_not_build_and_names_the_missing_variable(string environment)
    {
        var result = await Bicep.RunAsync(["build-params", $"main.{environment}.bicepparam", "--stdout"], without: "IQOSBOT_BENEFITS_BASE_URL");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("IQOSBOT_BENEFITS_BASE_URL", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task At_full_scale_every_instances_database_pool_together_fits_the_servers_connections(string environment)
    {
        var parameters = await Bicep.ParametersAsync(environment);
        var sku = (string)parameters["postgresSkuName"]!;
        var atFullScale = (int)parameters["maxInstanceCount"]! * (int)parameters["postgresPoolSize"]!;

        Assert.True(MaxUserConnections.TryGetValue(sku, out var limit), $"{sku}: add its max_connections (less the 15 Azure keeps) to {nameof(MaxUserConnections)}, from Azure's PostgreSQL flexible server limits.");
        Assert.True(atFullScale <= limit, $"{environment}: {atFullScale} pooled connections at full scale, {sku} takes {limit}.");
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_plan_starts_and_autoscale_stays_at_two_instances_or_more_scaling_out_on_busy_and_in_on_idle_cpu(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);
        var parameters = await Bicep.ParametersAsync(environment);
        var plan = Single(snapshot, "Microsoft.Web/serverfarms");
        var autoscale = Single(snapshot, "Microsoft.Insights/autoscalesettings");

        Assert.True((bool)plan["properties"]!["reserved"]!, "a Linux plan");
        Assert.True((int)plan["sku"]!["capacity"]! >= 2);
        Assert.Equal((string)plan["id"]!, (string?)autoscale["properties"]!["targetResourceUri"]);
        Assert.True((bool)autoscale["properties"]!["enabled"]!);
        var profile = Assert.Single(autoscale["properties"]!["profiles"]!);
        var capacity = profile["capacity"]!;
        Assert.True(int.Parse((string)capacity["minimum"]!, CultureInfo.InvariantCulture) >= 2);
        Assert.Equal((int)plan["sku"]!["capacity"]!, int.Parse((string)capacity["default"]!, CultureInfo.InvariantCulture));
        Assert.Equal((int)parameters["maxInstanceCount"]!, int.Parse((string)capacity["maximum"]!, CultureInfo.InvariantCulture));

        var rules = profile["rules"]!.ToList();
        var scaleOut = Assert.Single(rules, rule => (string?)rule["scaleAction"]!["direction"] == "Increase");
        var scaleIn = Assert.Single(rules, rule => (string?)rule["scaleAction"]!["direction"] == "Decrease");
        Assert.Equal(("CpuPercentage", "GreaterThan", 70), Trigger(scaleOut));
        Assert.Equal(("CpuPercentage", "LessThan", 30), Trigger(scaleIn));
        Assert.All(rules, rule => Assert.True(System.Xml.XmlConvert.ToTimeSpan((string)rule["scaleAction"]!["cooldown"]!) >= TimeSpan.FromMinutes(5)));

        // Nor can a parameter file ask for fewer: ARM refuses an instance count under two before it deploys anything.
        var template = await Bicep.CompiledAsync();
        Assert.All(
            Bicep.Templates(template).Where(entry => entry.Template["parameters"]?["instanceCount"] is not null),
            entry => Assert.True((int?)entry.Template["parameters"]!["instanceCount"]!["minValue"] >= 2, entry.Module));
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_web_app_serves_https_only_with_websockets_and_no_affinity_and_checks_readyz(string environment)
    {
        var site = Single(await Bicep.SnapshotAsync(environment), "Microsoft.Web/sites");
        var properties = site["properties"]!;
        var config = properties["siteConfig"]!;

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.False((bool)properties["clientAffinityEnabled"]!);
        Assert.True((bool)config["webSocketsEnabled"]!);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.True((bool)config["http20Enabled"]!);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("dotnet IqosBot.Bot.dll", (string?)config["appCommandLine"]);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_web_app_runs_as_the_bots_identity_which_may_read_the_vaults_secrets_and_nothing_more(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);
        var identity = (string)Single(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var vault = (string)Single(snapshot, "Microsoft.KeyVault/vaults")["id"]!;
        var site = Single(snapshot, "Microsoft.Web/sites");

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([identity], ((JObject)site["identity"]!["userAssignedIdentities"]!).Properties().Select(property => property.Name));
        Assert.Equal(identity, (string?)site["properties"]!["keyVaultReferenceIdentity"]);

        var vaultProperties = Single(snapshot, "Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True((bool)vaultProperties["enableRbacAuthorization"]!);
        Assert.True((bool)vaultProperties["enableSoftDelete"]!);

        var assignment = Single(snapshot, "Microsoft.Authorization/roleAssignments");
        Assert.StartsWith($"[extensionResourceId('{vault}', 'Microsoft.Authorization/roleAssignments'", (string)assignment["id"]!, StringComparison.Ordinal);
        Assert.EndsWith("/roleDefinitions/" + KeyVaultSecretsUser, (string)assignment["properties"]!["roleDefinitionId"]!, StringComparison.Ordinal);
        Assert.Matches($"^\\[reference\\('{Regex.Escape(identity)}', '[^']+'\\)\\.principalId\\]$", (string)assignment["properties"]!["principalId"]!);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task Every_secret_setting_is_a_key_vault_reference_to_its_secret_in_the_deployments_vault(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);
        var settings = AppSettings(snapshot);
        var vault = (string)Single(snapshot, "Microsoft.KeyVault/vaults")["id"]!;
        var secrets = Resources(snapshot, "Microsoft.KeyVault/vaults/secrets").Select(secret => (string)secret["id"]!).ToHashSet(StringComparer.Ordinal);

        var expected = SecretSettings.Keys.Where(name => environment == "prod" || !name.StartsWith("Clu__", StringComparison.Ordinal));
        Assert.All(expected, name => Assert.Contains(name, settings.Keys));
        foreach (var (name, value) in settings.Where(setting => SecretSettings.ContainsKey(setting.Key) || SecretLookingName().IsMatch(setting.Key)))
        {
            var reference = KeyVaultReference().Match(value);
            Assert.True(reference.Success, $"{name} is not a Key Vault reference: {value}");
            Assert.True(SecretSettings.TryGetValue(name, out var secretName), $"{name} looks like a secret: add it to {nameof(SecretSettings)} with its Key Vault secret.");
            Assert.Equal($"{vault}/secrets/{secretName}", reference.Groups["secret"].Value);
            Assert.Contains(reference.Groups["secret"].Value, secrets);
        }
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task A_secret_lands_in_key_vault_and_the_database_server_only_and_never_in_an_output(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);
        var secureParameters = ((JObject)(await Bicep.CompiledAsync())["parameters"]!).Properties()
            .Where(parameter => (string?)parameter.Value["type"] is "securestring" or "secureObject")
            .Select(parameter => parameter.Name)
            .ToList();
        Assert.Equal(["postgresAdminPassword", "benefitsApiKey", "directLineSecret", "oidcClientSecret"], secureParameters);

        // The values themselves are never written anywhere: the snapshot, like the deployment, keeps them as parameters.
        var text = snapshot.ToString();
        Assert.All(Bicep.SecretVariables, variable => Assert.DoesNotContain(Bicep.Environment[variable], text, StringComparison.Ordinal));

        foreach (var resource in snapshot["predictedResources"]!.OfType<JObject>())
        {
            foreach (var value in resource.Descendants().OfType<JValue>().Where(value => value.Type == JTokenType.String))
            {
                var mentions = secureParameters.Any(name => ((string)value!).Contains($"parameters('{name}')", StringComparison.Ordinal))
                    || ((string)value!).Contains("listKeys(", StringComparison.Ordinal);
                var allowed = ((string)resource["type"]! == "Microsoft.KeyVault/vaults/secrets" && value.Path.EndsWith("properties.value", StringComparison.Ordinal))
                    || ((string)resource["type"]! == "Microsoft.DBforPostgreSQL/flexibleServers" && value.Path.EndsWith("properties.administratorLoginPassword", StringComparison.Ordinal));
                Assert.False(mentions && !allowed, $"{resource["type"]} {resource["name"]}: a secret at {value.Path}");
            }
        }

        Assert.DoesNotContain("listKeys(", snapshot["outputs"]!.ToString(), StringComparison.Ordinal);
        Assert.All(secureParameters, name => Assert.DoesNotContain($"parameters('{name}')", snapshot["outputs"]!.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_output_of_the_template_or_of_a_module_is_secure_or_reads_a_key_or_a_secure_parameter()
    {
        var template = await Bicep.CompiledAsync();

        foreach (var (module, nested) in Bicep.Templates(template))
        {
            var secure = (nested["parameters"] as JObject)?.Properties()
                .Where(parameter => ((string?)parameter.Value["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
                .Select(parameter => parameter.Name)
                .ToList() ?? [];
            foreach (var output in (nested["outputs"] as JObject)?.Properties() ?? [])
            {
                var type = (string)output.Value["type"]!;
                var value = output.Value["value"]!.ToString();
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{module}.{output.Name} is {type}");
                Assert.DoesNotMatch(@"\blist\w*\(", value);
                Assert.All(secure, name => Assert.DoesNotContain($"parameters('{name}')", value, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_connection_strings_in_key_vault_require_tls_and_size_the_pool_for_the_environment(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);
        var parameters = await Bicep.ParametersAsync(environment);
        string Secret(string name) => (string)Assert.Single(Resources(snapshot, "Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).EndsWith("/" + name, StringComparison.Ordinal))["properties"]!["value"]!;

        var postgres = Secret("postgres-connection");
        Assert.Contains("SSL Mode=Require", postgres, StringComparison.Ordinal);
        Assert.Contains("Database={1}", postgres, StringComparison.Ordinal);
        Assert.Contains("Maximum Pool Size={4}'", postgres, StringComparison.Ordinal);
        Assert.EndsWith($", {(int)parameters["postgresPoolSize"]!})]", postgres, StringComparison.Ordinal);

        var server = Single(snapshot, "Microsoft.DBforPostgreSQL/flexibleServers");
        Assert.Contains((string?)server["properties"]!["version"], new[] { "15", "16" });
        Assert.Contains(Resources(snapshot, "Microsoft.DBforPostgreSQL/flexibleServers/configurations"), setting => ((string)setting["name"]!).EndsWith("/require_secure_connection", StringComparison.Ordinal) && (string?)setting["properties"]!["value"] == "on");
        Assert.Contains(Resources(snapshot, "Microsoft.DBforPostgreSQL/flexibleServers/databases"), database => ((string)database["name"]!).EndsWith("/iqosbot", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("test", false)]
    [InlineData("prod", true)]
    public async Task Redis_is_azure_managed_redis_tls_only_on_one_endpoint_that_evicts_nothing_and_takes_the_key_from_key_vault(string environment, bool highAvailability)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);

        var cluster = Single(snapshot, "Microsoft.Cache/redisEnterprise");
        Assert.Equal("1.2", (string?)cluster["properties"]!["minimumTlsVersion"]);
        Assert.Equal(highAvailability ? "Enabled" : "Disabled", (string?)cluster["properties"]!["highAvailability"]);
        var database = Single(snapshot, "Microsoft.Cache/redisEnterprise/databases")["properties"]!;
        Assert.Equal("Encrypted", (string?)database["clientProtocol"]);
        Assert.Equal(10000, (int)database["port"]!);
        Assert.Equal("EnterpriseCluster", (string?)database["clusteringPolicy"]);
        Assert.Equal("NoEviction", (string?)database["evictionPolicy"]);
        Assert.Equal("Enabled", (string?)database["accessKeysAuthentication"]);
        Assert.Empty(Resources(snapshot, "Microsoft.Cache/redis"));

        // The cluster's host name on the database's TLS port, with the database's key, read in the Key Vault module.
        var name = (string)cluster["name"]!;
        var connection = RedisConnection(snapshot);
        Assert.StartsWith("[format('{0}:10000,password={1},ssl=True,abortConnect=False', ", connection, StringComparison.Ordinal);
        Assert.Contains($"reference('{cluster["id"]}', '{cluster["apiVersion"]}').hostName", connection, StringComparison.Ordinal);
        Assert.Contains($"listKeys('{cluster["id"]}/databases/default', ", connection, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.Cache/redis/", connection, StringComparison.Ordinal);

        Assert.Equal("managed", (string?)snapshot["outputs"]!["redisService"]);
        Assert.Equal(name, (string?)snapshot["outputs"]!["redisName"]);
    }

    [Fact]
    public async Task With_redis_service_cache_it_is_azure_cache_for_redis_on_its_tls_port_only()
    {
        var snapshot = await Bicep.SnapshotAsync("test-cache");

        var cache = Single(snapshot, "Microsoft.Cache/redis");
        var redis = cache["properties"]!;
        Assert.False((bool)redis["enableNonSslPort"]!);
        Assert.Equal("1.2", (string?)redis["minimumTlsVersion"]);
        Assert.Empty(Resources(snapshot, "Microsoft.Cache/redisEnterprise"));
        Assert.Empty(Resources(snapshot, "Microsoft.Cache/redisEnterprise/databases"));

        // Host and port from the cache itself: sslPort is its TLS port, 6380 (port, 6379, is off above).
        var connection = RedisConnection(snapshot);
        var reference = $"reference('{cache["id"]}', '{cache["apiVersion"]}')";
        Assert.Equal(
            $"[format('{{0}}:{{1}},password={{2}},ssl=True,abortConnect=False', {reference}.hostName, {reference}.sslPort, listKeys('{cache["id"]}', '{cache["apiVersion"]}').primaryKey)]",
            connection);
        Assert.Contains("ConnectionStrings__Redis", AppSettings(snapshot).Keys);

        Assert.Equal("cache", (string?)snapshot["outputs"]!["redisService"]);
        Assert.Equal((string?)cache["name"], (string?)snapshot["outputs"]!["redisName"]);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_web_apps_logs_go_to_log_analytics_without_app_services_http_log_of_client_addresses_and_query_strings(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);

        var diagnostics = Resources(snapshot, "Microsoft.Insights/diagnosticSettings").Single(setting => ((string?)setting["scope"] ?? (string?)setting["id"] ?? string.Empty).Contains("Microsoft.Web/sites", StringComparison.OrdinalIgnoreCase));
        var categories = diagnostics["properties"]!["logs"]!.Select(log => (string?)log["category"] ?? "group:" + (string?)log["categoryGroup"]).ToList();
        Assert.Contains("AppServiceConsoleLogs", categories);
        Assert.DoesNotContain("AppServiceHTTPLogs", categories);
        Assert.DoesNotContain(categories, category => category!.StartsWith("group:", StringComparison.Ordinal));
    }

    private static string RedisConnection(JObject snapshot)
        => (string)Assert.Single(Resources(snapshot, "Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).EndsWith("/redis-connection", StringComparison.Ordinal))["properties"]!["value"]!;

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_azure_bot_signs_in_with_the_managed_identity_the_web_app_uses_points_at_it_and_has_teams_and_direct_line(string environment)
    {
        var snapshot = await Bicep.SnapshotAsync(environment);
        var identity = (string)Single(snapshot, "Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        var site = Single(snapshot, "Microsoft.Web/sites");
        var bot = Single(snapshot, "Microsoft.BotService/botServices");
        var properties = bot["properties"]!;

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("global", (string?)bot["location"]);
        Assert.Equal("UserAssignedMSI", (string?)properties["msaAppType"]);
        Assert.Equal(identity, (string?)properties["msaAppMSIResourceId"]);
        Assert.Matches($"^\\[reference\\('{Regex.Escape(identity)}', '[^']+'\\)\\.clientId\\]$", (string)properties["msaAppId"]!);
        Assert.Matches($"^\\[format\\('https://\\{{0\\}}/api/messages', reference\\('{Regex.Escape((string)site["id"]!)}', '[^']+'\\)\\.defaultHostName\\)\\]$", (string)properties["endpoint"]!);

        // The bot authenticates to the Bot Connector as the app id the Azure Bot knows it by.
        var settings = AppSettings(snapshot);
        Assert.Equal((string?)properties["msaAppId"], settings["MicrosoftAppId"]);
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.Equal(Bicep.TenantId, settings["MicrosoftAppTenantId"]);

        var channels = Resources(snapshot, "Microsoft.BotService/botServices/channels").ToDictionary(channel => (string)channel["properties"]!["channelName"]!, StringComparer.Ordinal);
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel"], channels.Keys.Order(StringComparer.Ordinal));
        Assert.True((bool)channels["MsTeamsChannel"]["properties"]!["properties"]!["isEnabled"]!);
        var directLineSite = Assert.Single(channels["DirectLineChannel"]["properties"]!["properties"]!["sites"]!);
        Assert.True((bool)directLineSite["isEnabled"]! && (bool)directLineSite["isV3Enabled"]!);
    }

    [Fact]
    public async Task Test_recognizes_with_the_embedded_model_and_production_with_clu_whose_key_is_in_key_vault()
    {
        var test = await Bicep.SnapshotAsync("test");
        var testSettings = AppSettings(test);
        Assert.Empty(Resources(test, "Microsoft.CognitiveServices/accounts"));
        Assert.DoesNotContain(Resources(test, "Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).EndsWith("/clu-key", StringComparison.Ordinal));
        Assert.Equal("Embedded", testSettings["Recognizer__Kind"]);
        Assert.DoesNotContain(testSettings.Keys, name => name.StartsWith("Clu__", StringComparison.Ordinal));
        Assert.Equal(string.Empty, (string?)test["outputs"]!["languageEndpoint"]);

        var prod = await Bicep.SnapshotAsync("prod");
        var prodSettings = AppSettings(prod);
        var language = Single(prod, "Microsoft.CognitiveServices/accounts");
        Assert.Equal("TextAnalytics", (string?)language["kind"]);
        Assert.Equal((string?)language["name"], (string?)language["properties"]!["customSubDomainName"]);
        Assert.Equal("Clu", prodSettings["Recognizer__Kind"]);
        Assert.Matches($"^\\[reference\\('{Regex.Escape((string)language["id"]!)}', '[^']+'\\)\\.endpoint\\]$", prodSettings["Clu__Endpoint"]);
        Assert.Equal((string?)prod["outputs"]!["cluProjectName"], prodSettings["Clu__ProjectName"]);
        Assert.Equal((string?)prod["outputs"]!["cluDeploymentName"], prodSettings["Clu__DeploymentName"]);
        var cluKey = Assert.Single(Resources(prod, "Microsoft.KeyVault/vaults/secrets"), secret => ((string)secret["name"]!).EndsWith("/clu-key", StringComparison.Ordinal));
        Assert.Equal($"[listKeys('{language["id"]}', '{language["apiVersion"]}').key1]", (string?)cluKey["properties"]!["value"]);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task The_app_settings_are_enough_for_the_bot_to_start_in_production(string environment)
    {
        var configuration = Configuration(AppSettings(await Bicep.SnapshotAsync(environment)));

        Assert.Empty(ProductionSafety.Problems(configuration, new ProductionEnvironment()));
        Assert.Equal("Production", configuration["ASPNETCORE_ENVIRONMENT"]);
        Assert.True(StorageProviders.IsPostgres(configuration));
        Assert.Equal(ResolvedSecret, configuration.GetConnectionString("Postgres"));
        Assert.Equal(ResolvedSecret, configuration.GetConnectionString("Redis"));
        Assert.Equal(ResolvedSecret, configuration["DirectLine:Secret"]);

        // The company's site may embed the chat: its origins reach the bot's CORS setting.
        Assert.Equal(["https://www.example.se", "https://butik.example.se"], configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>()!.AllowedOrigins);

        // The Bot Framework SDK reads the identity settings as the bot's ConfigurationBotFrameworkAuthentication does,
        // and authenticates with the managed identity (a misspelt MicrosoftAppType would quietly mean an app password).
        var appId = configuration["MicrosoftAppId"]!;
        var credentials = await new ConfigurationServiceClientCredentialFactory(configuration)
            .CreateCredentialsAsync(appId, AuthenticationConstants.ToChannelFromBotOAuthScope, AuthenticationConstants.ToChannelFromBotLoginUrlTemplate, validateAuthority: true, CancellationToken.None);
        Assert.IsType<ManagedIdentityAppCredentials>(credentials);

        // Kestrel listens where App Service sends requests, not on appsettings.json's loopback default.
        var urls = new Uri(configuration["Urls"]!.Replace("+", "any-address", StringComparison.Ordinal));
        Assert.Equal(configuration["WEBSITES_PORT"], urls.Port.ToString(CultureInfo.InvariantCulture));
        Assert.NotEqual("localhost", urls.Host);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("prod")]
    public async Task Every_app_setting_is_a_key_the_bot_or_app_service_reads_and_binds_to_the_value_given(string environment)
    {
        var settings = AppSettings(await Bicep.SnapshotAsync(environment));
        var configuration = Configuration(settings);

        // The bot's option types, bound as the bot binds them: a key the type has no property for binds to nothing.
        var bound = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>(), DirectLineOptions.SectionName, bound);
        Flatten(configuration.GetSection(BenefitsApiOptions.SectionName).Get<BenefitsApiOptions>(), BenefitsApiOptions.SectionName, bound);
        Flatten(configuration.GetSection(AgentConsoleOptions.SectionName).Get<AgentConsoleOptions>(), AgentConsoleOptions.SectionName, bound);
        Flatten(configuration.GetSection(CluOptions.SectionName).Get<CluOptions>(), CluOptions.SectionName, bound);
        Flatten(configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>(), RateLimitOptions.SectionName, bound);
        Flatten(configuration.GetSection(RecognizerSettings.SectionName).Get<RecognizerSettings>(), RecognizerSettings.SectionName, bound);
        var sections = new[] { DirectLineOptions.SectionName, BenefitsApiOptions.SectionName, AgentConsoleOptions.SectionName, CluOptions.SectionName, RateLimitOptions.SectionName, RecognizerSettings.SectionName };

        foreach (var (name, value) in Placeholders(settings))
        {
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            var section = key.Split(':')[0];
            if (sections.Contains(section, StringComparer.Ordinal))
            {
                Assert.True(bound.TryGetValue(key, out var boundValue), $"{name}: no property of the bot's {section} options binds it.");
                Assert.Equal(value, boundValue);
            }
            else if (key == StorageProviders.ConfigurationKey)
            {
                Assert.Equal(StorageProviders.Postgres, value);
            }
            else if (section == "ConnectionStrings")
            {
                // The names the bot asks GetConnectionString for (Storage, Configuration/SharedRedis).
                Assert.Contains(key["ConnectionStrings:".Length..], new[] { "Postgres", "Redis" });
            }
            else
            {
                Assert.True(PlatformSettings.ContainsKey(name), $"{name}: neither an option of the bot's nor a setting App Service, ASP.NET Core, the Bot Framework SDK or the telemetry exporter reads.");
            }
        }

        Assert.Equal(
            settings.Where(setting => setting.Key.StartsWith("RateLimits__TrustedProxies__", StringComparison.Ordinal)).Select(setting => setting.Value),
            configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>()!.TrustedProxies);
        Assert.All(configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>()!.TrustedProxies, proxy => Assert.True(System.Net.IPNetwork.TryParse(proxy, out _) || System.Net.IPAddress.TryParse(proxy, out _), proxy));
    }

    [Fact]
    public async Task Deploy_sh_is_executable_and_passes_bash_n_and_shellcheck_without_a_finding()
    {
        var script = Path.Combine(Bicep.Folder, "deploy.sh");

        Assert.False(OperatingSystem.IsWindows(), "deploy.sh and these checks are for Linux and macOS.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), "chmod +x deployment/azure/deploy.sh");
        }

        var syntax = await RunAsync("bash", ["-n", script]);
        Assert.True(syntax.ExitCode == 0, syntax.Output);
        var lint = await RunAsync("shellcheck", ["-x", script], Bicep.Folder);
        Assert.True(lint.ExitCode == 0 && lint.Output.Length == 0, lint.Output);
    }

    [Fact]
    public async Task Deploy_sh_names_every_missing_variable_and_refuses_an_unknown_environment_before_it_touches_azure()
    {
        var tools = Path.Combine(Path.GetTempPath(), "iqosbot-deploy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tools);
        try
        {
            // Every tool the script checks for, each one a stand-in that records being called.
            var calls = Path.Combine(tools, "calls");
            foreach (var tool in new[] { "az", "dotnet", "npm", "zip", "openssl", "jq", "curl" })
            {
                var path = Path.Combine(tools, tool);
                await File.WriteAllTextAsync(path, $"#!/bin/sh\necho {tool} >> '{calls}'\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PATH"] = tools + ":/usr/bin:/bin",
                ["HOME"] = tools,
                ["IQOSBOT_BENEFITS_BASE_URL"] = "https://benefits.example.test/api/",
                ["IQOSBOT_OIDC_CLIENT_ID"] = "6b0c5e4a-1111-4222-8333-444455556666",
            };
            var script = Path.Combine(Bicep.Folder, "deploy.sh");

            var unknown = await RunAsync("bash", [script, "staging", "my-rg"], environment: environment);
            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("usage: deployment/azure/deploy.sh <test|prod> <resource-group> [location]", unknown.Output, StringComparison.Ordinal);

            var missing = await RunAsync("bash", [script, "test", "my-rg"], environment: environment);
            Assert.Equal(1, missing.ExitCode);
            foreach (var variable in new[] { "IQOSBOT_BENEFITS_API_KEY", "IQOSBOT_OIDC_AUTHORITY", "IQOSBOT_OIDC_CLIENT_SECRET", "IQOSBOT_PRIVACY_URL" })
            {
                Assert.Contains(variable, missing.Output, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("IQOSBOT_BENEFITS_BASE_URL", missing.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(calls) && (await File.ReadAllTextAsync(calls)).Contains("az", StringComparison.Ordinal), "deploy.sh called az before its checks passed.");
        }
        finally
        {
            Directory.Delete(tools, recursive: true);
        }
    }

    /// <summary>
    /// max_connections of Azure Database for PostgreSQL flexible server by compute size, less the 15 connections Azure
    /// keeps for replication and monitoring (Azure's "Limits in Azure Database for PostgreSQL flexible server").
    /// </summary>
    private static readonly Dictionary<string, int> MaxUserConnections = new(StringComparer.Ordinal)
    {
        ["Standard_B1ms"] = 35,
        ["Standard_B2s"] = 414,
        ["Standard_B2ms"] = 844,
        ["Standard_B4ms"] = 1703,
        ["Standard_D2ds_v4"] = 844,
        ["Standard_D2ds_v5"] = 844,
        ["Standard_D4ds_v4"] = 1703,
        ["Standard_D4ds_v5"] = 1703,
        ["Standard_D8ds_v5"] = 3422,
    };

    /// <summary>Settings read by something other than the bot's option types, and by what.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "ASP.NET Core: the environment (Production turns on ProductionSafety)",
        ["Urls"] = "ASP.NET Core: where Kestrel listens",
        ["WEBSITES_PORT"] = "App Service: the container port requests go to",
        ["SCM_DO_BUILD_DURING_DEPLOYMENT"] = "App Service: no build of the deployed zip",
        ["MicrosoftAppType"] = "Bot Framework SDK (ConfigurationBotFrameworkAuthentication)",
        ["MicrosoftAppId"] = "Bot Framework SDK, and ProductionSafety",
        ["MicrosoftAppTenantId"] = "Bot Framework SDK",
        [IqosBot.Telemetry.TelemetryServiceCollectionExtensions.ApplicationInsightsKey] = "the bot's telemetry: exported to Application Insights when set",
    };

    private static void AssertReadFromTheEnvironment(JObject parameters)
    {
        Assert.Equal(Bicep.Environment["IQOSBOT_DIRECT_LINE_SECRET"], (string?)parameters["directLineSecret"]);
        Assert.Equal(Bicep.Environment["IQOSBOT_POSTGRES_PASSWORD"], (string?)parameters["postgresAdminPassword"]);
        Assert.Equal(Bicep.Environment["IQOSBOT_BENEFITS_BASE_URL"], (string?)parameters["benefitsBaseUrl"]);
        Assert.Equal(Bicep.Environment["IQOSBOT_BENEFITS_API_KEY"], (string?)parameters["benefitsApiKey"]);
        Assert.Equal(Bicep.Environment["IQOSBOT_OIDC_CLIENT_ID"], (string?)parameters["oidcClientId"]);
        Assert.Equal(Bicep.Environment["IQOSBOT_OIDC_CLIENT_SECRET"], (string?)parameters["oidcClientSecret"]);
        // Unset, the authority is this tenant's Entra ID (main.bicep) and the role "Agent".
        Assert.Equal(string.Empty, (string?)parameters["oidcAuthority"]);
        Assert.Equal("Agent", (string?)parameters["oidcRequiredRole"]);
    }

    private static (string Metric, string Operator, int Threshold) Trigger(JToken rule)
    {
        var trigger = rule["metricTrigger"]!;
        return ((string)trigger["metricName"]!, (string)trigger["operator"]!, (int)trigger["threshold"]!);
    }

    private static IEnumerable<JObject> Resources(JObject snapshot, string type)
        => snapshot["predictedResources"]!.OfType<JObject>().Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase));

    private static JObject Single(JObject snapshot, string type) => Assert.Single(Resources(snapshot, type));

    /// <summary>The web app's settings by name; the array itself must be known before deployment, not one expression.</summary>
    private static Dictionary<string, string> AppSettings(JObject snapshot)
    {
        var settings = Single(snapshot, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"];
        var array = Assert.IsType<JArray>(settings);
        return array.ToDictionary(setting => (string)setting["name"]!, setting => (string)setting["value"]!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The settings as the bot would see them: a Key Vault reference resolved to a 40-character secret, the identity's
    /// client id to a GUID, any other value only Azure knows (an ARM expression) to an address of its own.
    /// </summary>
    private static Dictionary<string, string> Placeholders(Dictionary<string, string> settings)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var expression = 0;
        foreach (var (name, value) in settings)
        {
            resolved[name] = value switch
            {
                _ when KeyVaultReference().IsMatch(value) => ResolvedSecret,
                _ when !value.StartsWith('[') || value.StartsWith("[[", StringComparison.Ordinal) => value,
                _ when value.EndsWith(".clientId]", StringComparison.Ordinal) => "0a1b2c3d-1111-4222-8333-444455556666",
                _ => $"https://expression-{++expression}.invalid/",
            };
        }

        return resolved;
    }

    private static IConfiguration Configuration(Dictionary<string, string> settings)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(Placeholders(settings).Select(setting => new KeyValuePair<string, string?>(setting.Key.Replace("__", ":", StringComparison.Ordinal), setting.Value)))
            .Build();

    /// <summary>An options object as configuration keys and values, the way the binder would read them back.</summary>
    private static void Flatten(object? value, string prefix, Dictionary<string, string> keys)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                keys[prefix] = text;
                return;
            case Uri uri:
                keys[prefix] = uri.OriginalString;
                return;
            case IFormattable formattable:
                keys[prefix] = formattable.ToString(null, CultureInfo.InvariantCulture);
                return;
            case bool flag:
                keys[prefix] = flag ? "true" : "false";
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Flatten(item, $"{prefix}:{index++}", keys);
                }

                return;
            default:
                foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanRead && property.CanWrite))
                {
                    Flatten(property.GetValue(value), $"{prefix}:{property.Name}", keys);
                }

                return;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string? workingDirectory = null, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? BuildOutput.RepositoryRoot };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>@Microsoft.KeyVault(SecretUri=…) with the URI of a secret this deployment creates, read at deployment time.</summary>
    [GeneratedRegex(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\)', reference\('(?<secret>[^']+)', '[^']+'\)\.secretUriWithVersion\)\]$")]
    private static partial Regex KeyVaultReference();

    /// <summary>Names that say "secret": a new one must be a Key Vault reference too.</summary>
    [GeneratedRegex("Secret|Key$|Password|^ConnectionStrings__")]
    private static partial Regex SecretLookingName();

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "IqosBot.Bot";

        public string ContentRootPath { get; set; } = BuildOutput.InRepository("Bot");

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
