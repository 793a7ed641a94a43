using IqosBot.Bot.Tests.Sandbox;
using IqosBot.Dialogs.Benefits;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// One round trip of every kind, once per test run, before any test here counts requests. The first calls of
/// a process compile Kestrel, the HTTP client, the resilience pipeline, the JSON code and the sandbox; with
/// test classes starting in parallel that can outlast a short attempt timeout, and a retried first attempt
/// would throw off a test's request count.
/// </summary>
internal static class Warmup
{
    private static readonly Lazy<Task> Once = new(RunAsync);

    public static Task EnsureAsync() => Once.Value;

    private static async Task RunAsync()
    {
        await using (var server = await ScriptedServer.StartAsync())
        {
            server.Handler = (context, n) => n % 2 == 1 ? ScriptedServer.Respond(context, 503) : ScriptedServer.Problem(context, 404, "not-found");
            await using var client = BenefitsClient.Create(server.BaseUrl, "warm-up");
            await client.Api.RegisterAsync(new DeviceRegistration("WARMUP", "warm@example.com", new(2025, 6, 1), false, "sv"), Guid.NewGuid().ToString(), default);
            await client.Api.LookUpCoverageAsync("WARMUP", "warm@example.com", default);
            await client.Api.CheckSerialAsync("WARMUP", default);
        }

        using var folder = new SandboxFolder();
        await using var host = await SandboxHost.StartAsync(folder.Path);
        await using var sandboxClient = BenefitsClient.Create(host.Http.BaseAddress!, SandboxHost.ApiKey);
        await sandboxClient.Api.RegisterAsync(new DeviceRegistration("ILP1A2B3C4D5", "warm@example.com", new(2025, 6, 1), false, "sv"), Guid.NewGuid().ToString(), default);
        await sandboxClient.Api.LookUpCoverageAsync("ILP1A2B3C4D5", "warm@example.com", default);
        await sandboxClient.Api.CheckSerialAsync("ILP1A2B3C4D5", default);
    }
}
