using IqosBot.Bot.Tests.Sandbox;
using IqosBot.Dialogs.Benefits;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// The benefits API client against the sandbox (deployment/benefits-api/openapi.yaml) over real HTTP on
/// loopback, built through its DI registration. The sandbox's clock is stopped at 2025-06-15 (Stockholm).
/// </summary>
public sealed class SandboxContractTests : SandboxClientTestBase
{
    private const string Demo = "demo@example.com";
    private const string NewOwner = "new.owner@example.com";
    private const string FreePrime = "ILP1A2B3C4D5";
    private const string DemoIluma = "ILU2M3N4P5Q6";
    private const string DemoPrimeClaimUsed = "ILP8R7S6T5U4";
    private const string OthersIluma = "ILU9Z8Y7X6W5";
    private static readonly DateOnly June1 = new(2025, 6, 1);

    [Fact]
    public async Task A_free_demo_device_registered_to_a_new_address_is_registered_with_the_sandbox_dates_and_a_pending_account()
    {
        var result = await Api.RegisterAsync(new DeviceRegistration(FreePrime, NewOwner, June1, MarketingConsent: true, Language: "en"), NewKey(), default);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        Assert.True(result.AccountPendingActivation);
        Assert.Equal(
            new DeviceCoverage("IQOS ILUMA PRIME", June1, RegistrationDate: new(2025, 6, 15), WarrantyEnd: new(2026, 6, 1), BenefitProgramEnd: new(2026, 6, 1), AccidentalDamageEnd: new(2026, 6, 15), AccidentalDamageClaimUsed: false, MoneyBackEnd: new(2025, 7, 31)),
            result.Device);
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, FreePrime));
        Client.AssertLogsHoldNone(FreePrime, NewOwner);
    }

    [Fact]
    public async Task A_free_demo_device_registered_to_an_active_account_is_not_pending()
    {
        var result = await Api.RegisterAsync(new DeviceRegistration("ILO7G6H5J4K3", Demo, new(2025, 5, 20), false, "sv"), NewKey(), default);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        Assert.False(result.AccountPendingActivation);
        Assert.Equal("IQOS ILUMA ONE", result.Device!.Model);
        Assert.Equal(new DateOnly(2026, 5, 20), result.Device.BenefitProgramEnd);
    }

    [Fact]
    public async Task The_same_device_to_the_same_account_again_is_already_registered_with_unchanged_coverage()
    {
        var registration = new DeviceRegistration(FreePrime, NewOwner, June1, false, "sv");
        var first = await Api.RegisterAsync(registration, NewKey(), default);

        // A new registration (a new key), not a retry of the first one; a different spelling of both.
        var again = await Api.RegisterAsync(registration with { Serial = "ilp1-a2b3 c4d5", Email = "  New.Owner@Example.com " }, NewKey(), default);

        Assert.Equal(RegistrationStatus.Registered, first.Status);
        Assert.Equal(RegistrationStatus.AlreadyRegistered, again.Status);
        Assert.Equal(first.Device, again.Device);
        Assert.True(again.AccountPendingActivation);
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, FreePrime));
    }

    [Fact]
    public async Task A_demo_device_of_the_demo_account_registered_again_is_already_registered_on_an_active_account()
    {
        var result = await Api.RegisterAsync(new DeviceRegistration(DemoIluma, Demo, June1, false, "sv"), NewKey(), default);

        Assert.Equal(RegistrationStatus.AlreadyRegistered, result.Status);
        Assert.False(result.AccountPendingActivation);
        Assert.Equal(new DateOnly(2024, 11, 15), result.Device!.PurchaseDate);
    }

    [Fact]
    public async Task An_unknown_serial_is_unknown_serial()
    {
        var result = await Api.RegisterAsync(new DeviceRegistration("ZZZ999999999", NewOwner, June1, false, "sv"), NewKey(), default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.UnknownSerial), result);
        Assert.Equal(0, SandboxDb.Accounts(Host.DatabasePath, NewOwner));
    }

    [Fact]
    public async Task Someone_elses_device_is_registered_to_another_account()
    {
        var result = await Api.RegisterAsync(new DeviceRegistration(OthersIluma, Demo, June1, false, "sv"), NewKey(), default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.RegisteredToAnotherAccount), result);
    }

    [Fact]
    public async Task A_purchase_date_in_the_future_is_an_invalid_purchase_date()
    {
        var result = await Api.RegisterAsync(new DeviceRegistration(FreePrime, NewOwner, new(2025, 6, 16), false, "sv"), NewKey(), default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.InvalidPurchaseDate), result);
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, FreePrime));
    }

    [Fact]
    public async Task The_expected_refusals_are_logged_as_information_with_their_code_and_request_id_but_no_personal_data()
    {
        await Api.RegisterAsync(new DeviceRegistration("ZZZ999999999", NewOwner, June1, false, "sv"), NewKey(), default);
        await Api.RegisterAsync(new DeviceRegistration(OthersIluma, Demo, June1, false, "sv"), NewKey(), default);
        await Api.LookUpCoverageAsync(OthersIluma, Demo, default);

        var answers = Client.Logs.Lines.Where(line => line.Contains("Benefits API", StringComparison.Ordinal) && line.Contains("answered", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, line => Assert.StartsWith("Information ", line, StringComparison.Ordinal));
        Assert.Contains(answers, line => line.Contains("404 unknown-serial", StringComparison.Ordinal));
        Assert.Contains(answers, line => line.Contains("409 registered-to-another-account", StringComparison.Ordinal));
        Assert.Contains(answers, line => line.Contains("404 not-found", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, line => line.Contains("(request id none)", StringComparison.Ordinal));
        Client.AssertLogsHoldNone("ZZZ999999999", OthersIluma, NewOwner, Demo);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_registration_gets_the_same_result_and_registers_once()
    {
        var registration = new DeviceRegistration(FreePrime, NewOwner, June1, true, "en");
        var key = NewKey();

        var first = await Api.RegisterAsync(registration, key, default);
        var retry = await Api.RegisterAsync(registration, key, default);

        Assert.Equal(RegistrationStatus.Registered, first.Status);
        Assert.Equal(first, retry);
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, FreePrime));
        Assert.Equal(1, SandboxDb.Accounts(Host.DatabasePath, NewOwner));

        var lookup = await Api.LookUpCoverageAsync(FreePrime, NewOwner, default);
        Assert.Equal(new CoverageResult(CoverageStatus.Registered, first.Device), lookup);
    }

    [Fact]
    public async Task A_lookup_of_a_registered_device_answers_its_dates_with_the_claim_unused()
    {
        var result = await Api.LookUpCoverageAsync(DemoIluma, Demo, default);

        Assert.Equal(
            new CoverageResult(CoverageStatus.Registered, new DeviceCoverage("IQOS ILUMA", new(2024, 11, 15), new(2024, 11, 15), new(2025, 11, 15), new(2026, 2, 15), new(2025, 11, 15), false, new(2025, 1, 14))),
            result);
    }

    [Fact]
    public async Task A_lookup_of_a_registered_device_whose_claim_was_used_says_so()
    {
        var result = await Api.LookUpCoverageAsync(DemoPrimeClaimUsed, " DEMO@example.com", default);

        Assert.Equal(
            new CoverageResult(CoverageStatus.Registered, new DeviceCoverage("IQOS ILUMA PRIME", new(2025, 2, 15), new(2025, 2, 15), new(2026, 2, 15), new(2026, 2, 15), new(2026, 2, 15), true, new(2025, 4, 16))),
            result);
    }

    [Fact]
    public async Task A_lookup_of_a_device_registered_to_nobody_answers_its_model()
    {
        var result = await Api.LookUpCoverageAsync("d3u9-f8e7-d6c5", "anyone@example.com", default);

        Assert.Equal(new CoverageResult(CoverageStatus.NotRegistered, Model: "IQOS 3 DUO"), result);
    }

    [Theory]
    [InlineData("ZZZ999999999", Demo)]
    [InlineData(OthersIluma, Demo)]
    [InlineData(DemoIluma, "someone.else@example.com")]
    public async Task A_lookup_of_an_unknown_serial_or_of_someone_elses_device_is_not_found(string serial, string email)
    {
        var result = await Api.LookUpCoverageAsync(serial, email, default);

        Assert.Equal(new CoverageResult(CoverageStatus.NotFound), result);
    }

    [Fact]
    public async Task A_wrong_api_key_is_unavailable_with_a_warning_and_changes_nothing()
    {
        await using var wrongKey = BenefitsClient.Create(Host.Http.BaseAddress!, "not-the-key", patient: true);

        var registration = await wrongKey.Api.RegisterAsync(new DeviceRegistration(FreePrime, NewOwner, June1, false, "sv"), NewKey(), default);
        var lookup = await wrongKey.Api.LookUpCoverageAsync(DemoIluma, Demo, default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.Unavailable), registration);
        Assert.Equal(new CoverageResult(CoverageStatus.Unavailable), lookup);
        Assert.Equal(2, wrongKey.WarningsContaining("401 unauthorized"));
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, FreePrime));

        // A refusal is not transient: one attempt each, no retries.
        Assert.Equal(2, wrongKey.Requests.Count);
        wrongKey.AssertLogsHoldNone(FreePrime, NewOwner, DemoIluma, Demo, "not-the-key");
    }

    [Fact]
    public async Task Serials_and_addresses_travel_only_in_the_body_never_in_the_url()
    {
        await Api.RegisterAsync(new DeviceRegistration(FreePrime, NewOwner, June1, false, "sv"), NewKey(), default);
        await Api.LookUpCoverageAsync(DemoIluma, Demo, default);
        await Api.LookUpCoverageAsync("ZZZ999999999", Demo, default);

        var requests = Client.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(
            ["POST /sandbox/benefits/v1/registrations", "POST /sandbox/benefits/v1/coverage/lookup", "POST /sandbox/benefits/v1/coverage/lookup"],
            requests.Select(request => $"{request.Method} {request.Uri.PathAndQuery}"));
        Assert.All(requests, request => Assert.Equal(SandboxHost.ApiKey, request.Headers["X-Api-Key"]));
        Assert.Contains(FreePrime, requests[0].Body, StringComparison.Ordinal);
        Assert.Contains(NewOwner, requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"ageConfirmed\":true", requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"purchaseDate\":\"2025-06-01\"", requests[0].Body, StringComparison.Ordinal);

        // What the sandbox's host saw of the request lines (Kestrel's hosting log) holds none of it either.
        var requestLines = Host.Logs.Lines.Where(line => line.Contains("Request starting", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, requestLines.Count);
        foreach (var value in new[] { FreePrime, NewOwner, DemoIluma, Demo, "ZZZ999999999", "%40" })
        {
            Assert.All(requests, request => Assert.DoesNotContain(value, request.Uri.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.All(requestLines, line => Assert.DoesNotContain(value, line, StringComparison.OrdinalIgnoreCase));
        }

        Client.AssertLogsHoldNone(FreePrime, NewOwner, DemoIluma, Demo, "ZZZ999999999");
    }

    private static string NewKey() => Guid.NewGuid().ToString();
}
