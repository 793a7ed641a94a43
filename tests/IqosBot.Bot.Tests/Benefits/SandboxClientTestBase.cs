using IqosBot.Bot.Tests.Sandbox;
using IqosBot.Dialogs.Benefits;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// A sandbox of the benefits API on loopback with its own database folder, and the real client built through
/// its DI registration pointed at it: what every contract test of the client starts from.
/// </summary>
public abstract class SandboxClientTestBase : IAsyncLifetime
{
    private readonly SandboxFolder _folder = new();

    protected SandboxHost Host { get; private set; } = null!;

    protected BenefitsClient Client { get; private set; } = null!;

    protected IBenefitsApi Api => Client.Api;

    public async Task InitializeAsync()
    {
        await Warmup.EnsureAsync();
        Host = await SandboxHost.StartAsync(_folder.Path);
        Client = BenefitsClient.Create(Host.Http.BaseAddress!, SandboxHost.ApiKey, patient: true);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
