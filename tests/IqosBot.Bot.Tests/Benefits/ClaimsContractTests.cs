using IqosBot.Testing;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using IqosBot.Bot.Tests.Sandbox;
using IqosBot.Dialogs.Benefits;
using Microsoft.AspNetCore.Http;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// The claims client (<see cref="IClaimsApi"/>) against the sandbox over real HTTP on loopback, built through
/// its DI registration, and against scripted failing servers. The sandbox's clock is stopped at 2025-06-15
/// (Stockholm): the demo ILUMA was bought 2024-11-15 (claim unused), the demo ILUMA PRIME 2025-02-15 (claim
/// used), the demo IQOS 3 DUO 2023-04-15 (everything expired).
/// </summary>
public sealed partial class ClaimsContractTests : IAsyncLifetime
{
    private const string Demo = "demo@example.com";
    private const string NewOwner = "new.owner@example.com";
    private const string FreePrime = "ILP1A2B3C4D5";
    private const string DemoIluma = "ILU2M3N4P5Q6";
    private const string DemoPrimeClaimUsed = "ILP8R7S6T5U4";
    private const string DemoDuoExpired = "D3U1V2W3X4Y5";
    private const string OthersIluma = "ILU9Z8Y7X6W5";
    private const string Street = "Hemliga gatan 17";
    private const string City = "Sundsvall";

    private static readonly ShippingAddress Address = new(Street, "852 31", City);

    private readonly SandboxFolder _folder = new();
    private SandboxHost _host = null!;
    private ClaimsClient _client = null!;

    private IClaimsApi Claims => _client.Claims;

    public async Task InitializeAsync()
    {
        await Warmup.EnsureAsync();
        _host = await SandboxHost.StartAsync(_folder.Path);
        _client = ClaimsClient.Create(_host.Http.BaseAddress!, SandboxHost.ApiKey, patient: true);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(DemoIluma, ClaimKind.WarrantyReplacement, DamageKind.None, ClaimDecision.Eligible, "IQOS ILUMA")]
    [InlineData(DemoIluma, ClaimKind.AccidentalDamage, DamageKind.Dropped, ClaimDecision.Eligible, "IQOS ILUMA")]
    [InlineData(DemoPrimeClaimUsed, ClaimKind.WarrantyReplacement, DamageKind.None, ClaimDecision.Eligible, "IQOS ILUMA PRIME")]
    [InlineData(DemoPrimeClaimUsed, ClaimKind.AccidentalDamage, DamageKind.Cracked, ClaimDecision.AccidentalClaimUsed, "IQOS ILUMA PRIME")]
    [InlineData(DemoDuoExpired, ClaimKind.WarrantyReplacement, DamageKind.None, ClaimDecision.WarrantyExpired, "IQOS 3 DUO")]
    [InlineData(DemoDuoExpired, ClaimKind.AccidentalDamage, DamageKind.Dropped, ClaimDecision.AccidentalCoverExpired, "IQOS 3 DUO")]
    [InlineData(FreePrime, ClaimKind.WarrantyReplacement, DamageKind.None, ClaimDecision.NotRegistered, "IQOS ILUMA PRIME")]
    [InlineData(FreePrime, ClaimKind.AccidentalDamage, DamageKind.Dropped, ClaimDecision.NotRegistered, "IQOS ILUMA PRIME")]
    [InlineData(DemoIluma, ClaimKind.AccidentalDamage, DamageKind.Liquid, ClaimDecision.DamageExcluded, "IQOS ILUMA")]
    [InlineData(DemoIluma, ClaimKind.AccidentalDamage, DamageKind.Other, ClaimDecision.Eligible, "IQOS ILUMA")]
    [InlineData(DemoIluma, ClaimKind.WarrantyReplacement, DamageKind.Liquid, ClaimDecision.DamageExcluded, "IQOS ILUMA")]
    [InlineData(DemoIluma, ClaimKind.WarrantyReplacement, DamageKind.Dropped, ClaimDecision.DamageExcluded, "IQOS ILUMA")]
    public async Task The_api_decides_eligibility_for_each_demo_device_and_kind(string serial, ClaimKind kind, DamageKind damage, ClaimDecision decision, string model)
    {
        var result = await Claims.CheckClaimAsync(new ClaimCheck(serial, Demo, kind, damage), default);

        Assert.Equal(new ClaimEligibility(decision, model), result);
        _client.AssertLogsHoldNone(serial, Demo);
    }

    [Theory]
    [InlineData("ZZZ999999999", Demo)]
    [InlineData(OthersIluma, Demo)]
    [InlineData(DemoIluma, "someone.else@example.com")]
    public async Task An_unknown_serial_or_someone_elses_device_is_not_found_for_both_operations(string serial, string email)
    {
        var check = await Claims.CheckClaimAsync(new ClaimCheck(serial, email, ClaimKind.WarrantyReplacement, DamageKind.None), default);
        var create = await Claims.CreateClaimAsync(Claim(serial, email, ClaimKind.WarrantyReplacement, DamageKind.None), NewKey(), default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.NotFound), check);
        Assert.Equal(new ClaimResult(ClaimStatus.Refused, RefusedBecause: ClaimDecision.NotFound), create);
        Assert.Equal(0, SandboxDb.Count(_host.DatabasePath, "claims"));
        _client.AssertLogsHoldNone(serial, email, Street, City);
    }

    [Fact]
    public async Task Serials_and_addresses_are_matched_as_the_api_normalizes_them()
    {
        var result = await Claims.CheckClaimAsync(new ClaimCheck("ilu2-m3n4 p5q6", "  DEMO@Example.com ", ClaimKind.AccidentalDamage, DamageKind.Dropped), default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.Eligible, "IQOS ILUMA"), result);
    }

    [Theory]
    [InlineData("2024-06-15", ClaimDecision.Eligible)]
    [InlineData("2024-06-14", ClaimDecision.WarrantyExpired)]
    public async Task A_warranty_replacement_is_eligible_up_to_and_including_the_last_day_of_the_warranty(string purchaseDate, ClaimDecision decision)
    {
        var registered = await _client.Benefits.RegisterAsync(new DeviceRegistration(FreePrime, NewOwner, DateOnly.Parse(purchaseDate, System.Globalization.CultureInfo.InvariantCulture), false, "sv"), NewKey(), default);
        Assert.Equal(RegistrationStatus.Registered, registered.Status);

        var result = await Claims.CheckClaimAsync(new ClaimCheck(FreePrime, NewOwner, ClaimKind.WarrantyReplacement, DamageKind.None), default);

        Assert.Equal(new ClaimEligibility(decision, "IQOS ILUMA PRIME"), result);
    }

    [Fact]
    public async Task A_created_accidental_damage_claim_uses_the_devices_claim_so_the_next_one_is_refused()
    {
        var created = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);

        Assert.Equal(ClaimStatus.Created, created.Status);
        Assert.Matches(CaseNumber(), created.CaseNumber);
        Assert.Equal("IQOS ILUMA", created.Model);
        Assert.Null(created.RefusedBecause);

        var check = await Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Cracked), default);
        var again = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Cracked), NewKey(), default);
        var coverage = await _client.Benefits.LookUpCoverageAsync(DemoIluma, Demo, default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.AccidentalClaimUsed, "IQOS ILUMA"), check);
        Assert.Equal(new ClaimResult(ClaimStatus.Refused, RefusedBecause: ClaimDecision.AccidentalClaimUsed, Model: "IQOS ILUMA"), again);
        Assert.True(coverage.Device!.AccidentalDamageClaimUsed);
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims"));

        // A defect is still the warranty's: the used accident claim does not touch it.
        var warranty = await Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None), default);
        Assert.Equal(ClaimDecision.Eligible, warranty.Decision);
        _client.AssertLogsHoldNone(DemoIluma, Demo, Street, City, "852 31");
    }

    [Fact]
    public async Task A_warranty_replacement_does_not_use_the_accidental_damage_claim()
    {
        var created = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None), NewKey(), default);
        var accident = await Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);

        Assert.Equal(ClaimStatus.Created, created.Status);
        Assert.Equal(new ClaimEligibility(ClaimDecision.Eligible, "IQOS ILUMA"), accident);
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims", "kind = 'warranty-replacement'"));
    }

    [Theory]
    [InlineData(DemoPrimeClaimUsed, ClaimKind.AccidentalDamage, DamageKind.Dropped, ClaimDecision.AccidentalClaimUsed, "IQOS ILUMA PRIME")]
    [InlineData(DemoDuoExpired, ClaimKind.WarrantyReplacement, DamageKind.None, ClaimDecision.WarrantyExpired, "IQOS 3 DUO")]
    [InlineData(DemoDuoExpired, ClaimKind.AccidentalDamage, DamageKind.Dropped, ClaimDecision.AccidentalCoverExpired, "IQOS 3 DUO")]
    [InlineData(DemoIluma, ClaimKind.AccidentalDamage, DamageKind.Liquid, ClaimDecision.DamageExcluded, "IQOS ILUMA")]
    [InlineData(FreePrime, ClaimKind.WarrantyReplacement, DamageKind.None, ClaimDecision.NotRegistered, "IQOS ILUMA PRIME")]
    public async Task Creating_a_claim_the_device_is_not_eligible_for_is_refused_with_the_reason_and_stores_nothing(
        string serial, ClaimKind kind, DamageKind damage, ClaimDecision reason, string model)
    {
        var result = await Claims.CreateClaimAsync(Claim(serial, Demo, kind, damage), NewKey(), default);

        Assert.Equal(new ClaimResult(ClaimStatus.Refused, RefusedBecause: reason, Model: model), result);
        Assert.Equal(0, SandboxDb.Count(_host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task A_demo_device_whose_warranty_runs_gets_a_warranty_replacement_even_with_its_accident_claim_used()
    {
        var result = await Claims.CreateClaimAsync(Claim(DemoPrimeClaimUsed, Demo, ClaimKind.WarrantyReplacement, DamageKind.None), NewKey(), default);

        Assert.Equal(ClaimStatus.Created, result.Status);
        Assert.Equal("IQOS ILUMA PRIME", result.Model);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_same_case_number_and_creates_one_claim()
    {
        var claim = Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped);
        var key = NewKey();

        var first = await Claims.CreateClaimAsync(claim, key, default);
        var retry = await Claims.CreateClaimAsync(claim, key, default);

        Assert.Equal(ClaimStatus.Created, first.Status);
        Assert.Equal(first, retry);
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims"));
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims", "case_number = $case", ("$case", first.CaseNumber!)));
    }

    [Fact]
    public async Task The_same_key_with_another_claim_is_unavailable_with_a_warning_and_creates_nothing_more()
    {
        var key = NewKey();
        await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None), key, default);

        var reused = await Claims.CreateClaimAsync(Claim(DemoPrimeClaimUsed, Demo, ClaimKind.WarrantyReplacement, DamageKind.None), key, default);

        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), reused);
        Assert.Equal(1, _client.WarningsContaining("422 idempotency-key-reused"));
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims"));
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("12 345")]
    [InlineData("ABC 12")]
    [InlineData("123-45")]
    [InlineData("")]
    public async Task An_invalid_postcode_is_refused_without_a_reason_and_creates_nothing(string postcode)
    {
        var result = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped) with { Address = Address with { PostalCode = postcode } }, NewKey(), default);

        Assert.Equal(new ClaimResult(ClaimStatus.Refused), result);
        Assert.Equal(0, SandboxDb.Count(_host.DatabasePath, "claims"));
        Assert.False((await _client.Benefits.LookUpCoverageAsync(DemoIluma, Demo, default)).Device!.AccidentalDamageClaimUsed);
        Assert.Equal(0, _client.WarningsContaining("answered"));
    }

    [Theory]
    [InlineData("12345", "123 45")]
    [InlineData("123 45", "123 45")]
    [InlineData(" 852 31 ", "852 31")]
    public async Task A_swedish_postcode_with_or_without_its_space_is_accepted_and_stored_as_written_on_mail(string postcode, string stored)
    {
        var result = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None) with { Address = Address with { PostalCode = postcode } }, NewKey(), default);

        Assert.Equal(ClaimStatus.Created, result.Status);
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims", "postal_code = $postcode", ("$postcode", stored)));
    }

    [Fact]
    public async Task A_blank_street_or_a_too_long_fault_description_is_refused()
    {
        var blankStreet = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None) with { Address = Address with { Street = "  " } }, NewKey(), default);
        var longFault = await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None) with { FaultDescription = new string('x', 1001) }, NewKey(), default);

        Assert.Equal(new ClaimResult(ClaimStatus.Refused), blankStreet);
        Assert.Equal(new ClaimResult(ClaimStatus.Refused), longFault);
        Assert.Equal(0, SandboxDb.Count(_host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task A_wrong_api_key_is_unavailable_and_creates_nothing()
    {
        await using var wrongKey = ClaimsClient.Create(_host.Http.BaseAddress!, "not-the-key", patient: true);

        var check = await wrongKey.Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);
        var create = await wrongKey.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.Unavailable), check);
        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), create);
        Assert.Equal(2, wrongKey.WarningsContaining("401 unauthorized"));
        Assert.Equal(0, SandboxDb.Count(_host.DatabasePath, "claims"));
        wrongKey.AssertLogsHoldNone(DemoIluma, Demo, Street, "not-the-key");
    }

    [Fact]
    public async Task Serials_addresses_and_fault_descriptions_stay_out_of_urls_and_of_both_sides_logs()
    {
        await Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);
        await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);
        await Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);
        await Claims.CreateClaimAsync(Claim(OthersIluma, Demo, ClaimKind.WarrantyReplacement, DamageKind.None), NewKey(), default);

        var secrets = new[] { DemoIluma, OthersIluma, Demo, "@", Street, City, "852 31", "85231", "Hemliga", "does not heat" };
        foreach (var secret in secrets)
        {
            Assert.All(_host.Logs.Lines, line => Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase));
        }

        _client.AssertLogsHoldNone(secrets);
        Assert.Contains(_host.Logs.Lines, line => line.Contains("claim", StringComparison.Ordinal) && line.Contains("created RC-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_unavailable_after_three_attempts_with_one_idempotency_key()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, 503);
        await using var client = ClaimsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), "claim-key-1", default);

        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), result);
        Assert.Equal(3, server.Count);
        Assert.All(server.Arrived, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/api/benefits/v1/claims", request.PathAndQuery);
            Assert.Equal("claim-key-1", request.IdempotencyKey);
            Assert.Equal("scripted-key", request.ApiKey);
        });
        Assert.Equal(1, client.WarningsContaining("answered 503"));
        Assert.Equal(0, SandboxDb.Count(_host.DatabasePath, "claims"));
        client.AssertLogsHoldNone(DemoIluma, Demo, Street, City);
    }

    [Theory]
    [InlineData(500, "<html>oops</html>", "text/html")]
    [InlineData(502, "", "text/plain")]
    [InlineData(429, """{"code":"rate-limited"}""", "application/problem+json")]
    public async Task A_check_against_a_server_that_keeps_failing_is_unavailable(int status, string body, string mediaType)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, status, body, mediaType, ("Retry-After", "0"));
        await using var client = ClaimsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.Unavailable), result);
        Assert.Equal(3, server.Count);
        Assert.Equal("/api/benefits/v1/claims/eligibility", server.Arrived.First().PathAndQuery);
    }

    [Fact]
    public async Task A_server_slower_than_the_attempt_timeout_is_unavailable_within_the_total_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = async (context, _) => await Task.Delay(BenefitsClient.HangingServerDelay, context.RequestAborted);
        await using var client = ClaimsClient.Create(server.BaseUrl, "scripted-key");

        var stopwatch = Stopwatch.StartNew();
        var create = await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);
        stopwatch.Stop();

        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), create);
        Assert.True(stopwatch.Elapsed < BenefitsClient.UnavailableWithin, $"Took {stopwatch.Elapsed}");
        Assert.Equal(1, client.WarningsContaining("timed out"));
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable()
    {
        var port = LoopbackPort.Free();
        await using var client = ClaimsClient.Create(new Uri($"http://127.0.0.1:{port}/api/benefits/"), "scripted-key");

        var check = await client.Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);
        var create = await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.Unavailable), check);
        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), create);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_claims_are_unavailable_without_calling()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, 500);
        await using var client = ClaimsClient.Create(server.BaseUrl, "scripted-key");

        await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);
        await client.Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);
        var failed = server.Count;

        var whileOpen = await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);

        Assert.Equal(5, failed);
        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), whileOpen);
        Assert.Equal(failed, server.Count);
        Assert.True(client.WarningsContaining("circuit is open") >= 1);
    }

    [Fact]
    public async Task A_lost_answer_is_retried_with_the_same_key_and_the_sandbox_replays_the_one_claim_it_created()
    {
        // A gateway in front of the sandbox: every attempt reaches it, but the first answer is lost on the way back.
        await using var gateway = await ScriptedServer.StartAsync();
        gateway.Handler = (context, n) => ForwardAsync(context, _host.Http, loseAnswer: n == 1);
        await using var client = ClaimsClient.Create(gateway.BaseUrl, SandboxHost.ApiKey);

        var result = await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);

        Assert.Equal(ClaimStatus.Created, result.Status);
        Assert.Equal(2, gateway.Count);
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims"));
        Assert.Equal(1, SandboxDb.Count(_host.DatabasePath, "claims", "case_number = $case", ("$case", result.CaseNumber!)));
    }

    [Theory]
    [InlineData(200, """{"eligible":false,"reason":"something-new","model":"IQOS ILUMA"}""")]
    [InlineData(200, """{"eligible":true}""")]
    [InlineData(200, """{"model":"IQOS ILUMA"}""")]
    [InlineData(200, "not json")]
    [InlineData(404, """{"code":"unknown-serial"}""")]
    public async Task A_check_answer_outside_the_contract_is_unavailable(int status, string body)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, status, body);
        await using var client = ClaimsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Claims.CheckClaimAsync(new ClaimCheck(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), default);

        Assert.Equal(new ClaimEligibility(ClaimDecision.Unavailable), result);
        Assert.Equal(1, server.Count);
    }

    [Theory]
    [InlineData(201, """{"kind":"accidental-damage","model":"IQOS ILUMA"}""")]
    [InlineData(201, "")]
    [InlineData(200, """{"caseNumber":"RC-ABCDEFGH","kind":"accidental-damage","model":"IQOS ILUMA","createdAt":"2025-06-15T10:00:00+00:00"}""")]
    [InlineData(422, """{"code":"not-eligible","reason":"something-new","model":"IQOS ILUMA"}""")]
    [InlineData(400, """{"code":"validation-failed"}""")]
    public async Task A_claim_answer_outside_the_contract_is_unavailable(int status, string body)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, status, body);
        await using var client = ClaimsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Claims.CreateClaimAsync(Claim(DemoIluma, Demo, ClaimKind.AccidentalDamage, DamageKind.Dropped), NewKey(), default);

        Assert.Equal(new ClaimResult(ClaimStatus.Unavailable), result);
        Assert.Equal(1, server.Count);
    }

    private static ClaimRequest Claim(string serial, string email, ClaimKind kind, DamageKind damage) =>
        new(serial, email, kind, damage, "IQOS ILUMA does not heat after a fall; reset and charging tried.", Address, "sv");

    private static string NewKey() => Guid.NewGuid().ToString();

    private static async Task ForwardAsync(HttpContext context, HttpClient sandbox, bool loseAnswer)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, context.Request.Path.Value!["/api/benefits/".Length..])
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var header in new[] { "X-Api-Key", "Idempotency-Key" })
        {
            if (context.Request.Headers.TryGetValue(header, out var value))
            {
                request.Headers.Add(header, value.ToString());
            }
        }

        using var response = await sandbox.SendAsync(request, context.RequestAborted);
        if (loseAnswer)
        {
            await ScriptedServer.Respond(context, 503);
            return;
        }

        await ScriptedServer.Respond(
            context,
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(context.RequestAborted),
            response.Content.Headers.ContentType?.MediaType ?? "application/json");
    }

    [GeneratedRegex("^RC-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$")]
    private static partial Regex CaseNumber();
}
