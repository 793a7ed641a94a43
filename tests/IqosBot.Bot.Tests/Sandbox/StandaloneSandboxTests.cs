using System.Net;
using IqosBot.Bot.Tests.Benefits;
using IqosBot.Dialogs.Benefits;
using IqosBot.Sandbox.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>
/// The sandbox started alone, as <c>dotnet run --project Sandbox.Host</c> starts it (its Program, its defaults
/// and key), but on Kestrel at a free loopback port instead of 5080 and on a file of its own; the bot's real client
/// (its DI registration, resilience pipeline included) is pointed at it the way README says to start the bot.
/// </summary>
public sealed class StandaloneSandboxTests : IAsyncLifetime
{
    private readonly SandboxFolder _folder = new();
    private WebApplicationFactory<BenefitsSandboxProgram> _sandbox = null!;

    public Task InitializeAsync()
    {
        _sandbox = new WebApplicationFactory<BenefitsSandboxProgram>().WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Benefits:Sandbox:DatabasePath"] = Path.Combine(_folder.Path, "benefits-sandbox.db"),
                ["Logging:LogLevel:Default"] = "Warning",
            })));
        _sandbox.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _sandbox.StartServer();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_bots_client_registers_and_looks_up_a_device_and_checks_a_claim_over_http()
    {
        var address = _sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var apiKey = _sandbox.Services.GetRequiredService<IConfiguration>()["Benefits:Sandbox:ApiKey"]!;
        Assert.Equal("local-sandbox-key", apiKey);
        await using var client = ClaimsClient.Create(new Uri(address + "/sandbox/benefits/"), apiKey, patient: true);

        var check = await client.Benefits.CheckSerialAsync("ilp1-a2b3 c4d5", default);
        var registration = await client.Benefits.RegisterAsync(
            new DeviceRegistration("ILP1A2B3C4D5", "Alone@Example.com", new DateOnly(2025, 6, 1), MarketingConsent: false, "sv"), Guid.NewGuid().ToString(), default);
        var lookup = await client.Benefits.LookUpCoverageAsync("ILP1A2B3C4D5", "alone@example.com", default);
        var claim = await client.Claims.CheckClaimAsync(new ClaimCheck("ILP1A2B3C4D5", "alone@example.com", ClaimKind.AccidentalDamage, DamageKind.Liquid), default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Known, "IQOS ILUMA PRIME"), check);
        Assert.Equal(RegistrationStatus.Registered, registration.Status);
        Assert.True(registration.AccountPendingActivation);
        Assert.Equal(CoverageStatus.Registered, lookup.Status);
        Assert.Equal(registration.Device, lookup.Device);
        Assert.Equal(new ClaimEligibility(ClaimDecision.DamageExcluded, "IQOS ILUMA PRIME"), claim);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "benefits-sandbox.db")));
    }

    [Fact]
    public async Task A_base_address_written_without_the_final_slash_reaches_the_same_api()
    {
        var address = _sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await using var client = ClaimsClient.Create(new Uri(address + "/sandbox/benefits"), "local-sandbox-key", patient: true);

        var check = await client.Benefits.CheckSerialAsync("ILP1A2B3C4D5", default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Known, "IQOS ILUMA PRIME"), check);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _folder.Dispose();
    }
}
