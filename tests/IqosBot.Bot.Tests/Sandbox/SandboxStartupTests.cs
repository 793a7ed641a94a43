using Microsoft.Extensions.Options;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>How the sandbox comes up in a host: configuration, its file, its routes.</summary>
public sealed class SandboxStartupTests : IDisposable
{
    private readonly SandboxFolder _folder = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_an_api_key_the_host_refuses_to_start_and_says_which_setting_to_add(string? apiKey)
    {
        await using var app = SandboxHost.Build(_folder.Path, null, new Dictionary<string, string?> { ["Benefits:Sandbox:ApiKey"] = apiKey }, out _);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Benefits:Sandbox:ApiKey is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "data", "benefits-sandbox.db")));
    }

    [Fact]
    public async Task A_policy_period_out_of_range_refuses_to_start()
    {
        await using var app = SandboxHost.Build(_folder.Path, null, new Dictionary<string, string?> { ["Benefits:Sandbox:WarrantyMonths"] = "0" }, out _);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("WarrantyMonths", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_database_path_is_relative_to_the_content_root()
    {
        await using var host = await SandboxHost.StartAsync(_folder.Path);

        Assert.Equal(Path.Combine(_folder.Path, "data", "benefits-sandbox.db"), host.DatabasePath);
        Assert.True(File.Exists(host.DatabasePath));
    }

    [Fact]
    public async Task A_configured_relative_path_is_relative_to_the_content_root_too()
    {
        await using var host = await SandboxHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Benefits:Sandbox:DatabasePath"] = "elsewhere/crm.db" });

        Assert.Equal(Path.Combine(_folder.Path, "elsewhere", "crm.db"), host.DatabasePath);
        Assert.Equal(7, SandboxDb.Count(host.DatabasePath, "devices"));
    }

    [Fact]
    public async Task Configured_policy_periods_drive_the_dates()
    {
        await using var host = await SandboxHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Benefits:Sandbox:WarrantyMonths"] = "24",
            ["Benefits:Sandbox:BenefitProgramMonths"] = "6",
            ["Benefits:Sandbox:AccidentalDamageMonths"] = "3",
            ["Benefits:Sandbox:MoneyBackDays"] = "14",
        });

        var reply = await host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "periods@example.com", "2025-06-01"));

        Assert.Equal("2027-06-01", reply.Date("warrantyEnd"));
        Assert.Equal("2025-12-01", reply.Date("benefitProgramEnd"));
        Assert.Equal("2025-09-15", reply.Date("accidentalDamageEnd"));
        Assert.Equal("2025-06-15", reply.Date("moneyBackEnd"));
    }

    [Fact]
    public async Task The_contract_is_served_only_under_the_sandbox_prefix()
    {
        await using var host = await SandboxHost.StartAsync(_folder.Path);
        using var root = new HttpClient { BaseAddress = new Uri(host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority)) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/coverage/lookup") { Content = new StringContent("{}") };
        request.Headers.Add("X-Api-Key", SandboxHost.ApiKey);

        using var response = await root.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/sandbox/benefits/", host.Http.BaseAddress.AbsolutePath);
    }

    public void Dispose() => _folder.Dispose();
}
