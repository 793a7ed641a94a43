using System.Diagnostics;
using IqosBot.Dialogs.Benefits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// The benefits API client's retries, time limits and circuit breaker (the standard resilience handler it is
/// registered with), against a scripted server over real HTTP on loopback. Each test has its own server and
/// its own client (so its own circuit breaker). AttemptTimeout 1.5 s, TotalTimeout 3 s, BreakDuration 2 s.
/// </summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private const string Serial = "ILP1A2B3C4D5";
    private const string Email = "anna.svensson@example.com";

    private const string DeviceJson =
        """{"model":"IQOS ILUMA PRIME","purchaseDate":"2025-06-01","registrationDate":"2025-06-15","warrantyEnd":"2026-06-01","benefitProgramEnd":"2026-06-01","accidentalDamageEnd":"2026-06-15","accidentalDamageClaimUsed":false,"moneyBackEnd":"2025-07-31"}""";

    private const string RegisteredJson = $$$"""{"device":{{{DeviceJson}}},"account":{"status":"pendingActivation"}}""";

    private static readonly DeviceRegistration Registration = new(Serial, Email, new(2025, 6, 1), MarketingConsent: false, Language: "sv");

    private static readonly DeviceCoverage Device = new("IQOS ILUMA PRIME", new(2025, 6, 1), new(2025, 6, 15), new(2026, 6, 1), new(2026, 6, 1), new(2026, 6, 15), false, new(2025, 7, 31));

    private ScriptedServer _server = null!;
    private BenefitsClient _client = null!;

    public async Task InitializeAsync()
    {
        await Warmup.EnsureAsync();
        _server = await ScriptedServer.StartAsync();
        _client = BenefitsClient.Create(_server.BaseUrl, "scripted-key");
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Rate_limited_with_retry_after_then_created_is_registered_after_two_requests_with_the_same_idempotency_key()
    {
        _server.Handler = (context, n) => n == 1
            ? ScriptedServer.Problem(context, 429, "rate-limited", ("Retry-After", "0"))
            : ScriptedServer.Respond(context, 201, RegisteredJson);

        var result = await _client.Api.RegisterAsync(Registration, "key-0001", default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.Registered, Device, AccountPendingActivation: true), result);
        Assert.Equal(2, _server.Count);
        Assert.All(_server.Arrived, request =>
        {
            Assert.Equal("key-0001", request.IdempotencyKey);
            Assert.Equal("scripted-key", request.ApiKey);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/api/benefits/v1/registrations", request.PathAndQuery);
        });
        _client.AssertLogsHoldNone(Serial, Email);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_the_retry()
    {
        _server.Handler = (context, n) => n == 1
            ? ScriptedServer.Problem(context, 429, "rate-limited", ("Retry-After", "1"))
            : ScriptedServer.Respond(context, 201, RegisteredJson);

        var result = await _client.Api.RegisterAsync(Registration, "key-0002", default);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        var arrived = _server.Arrived.ToArray();
        Assert.Equal(2, arrived.Length);
        Assert.True(arrived[1].At - arrived[0].At >= TimeSpan.FromMilliseconds(900), $"The retry came {(arrived[1].At - arrived[0].At).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task Service_unavailable_twice_then_ok_succeeds_after_three_requests()
    {
        _server.Handler = (context, n) => n <= 2
            ? ScriptedServer.Respond(context, 503)
            : ScriptedServer.Respond(context, 200, $$$"""{"status":"registered","device":{{{DeviceJson}}}}""");

        var result = await _client.Api.LookUpCoverageAsync(Serial, Email, default);

        Assert.Equal(new CoverageResult(CoverageStatus.Registered, Device), result);
        Assert.Equal(3, _server.Count);
        _client.AssertLogsHoldNone(Serial, Email);
    }

    [Fact]
    public async Task Registration_retried_after_service_unavailable_keeps_its_idempotency_key()
    {
        _server.Handler = (context, n) => n <= 2
            ? ScriptedServer.Respond(context, 503)
            : ScriptedServer.Respond(context, 201, RegisteredJson);

        var result = await _client.Api.RegisterAsync(Registration, "key-0003", default);

        Assert.Equal(RegistrationStatus.Registered, result.Status);
        Assert.Equal(3, _server.Count);
        Assert.All(_server.Arrived, request => Assert.Equal("key-0003", request.IdempotencyKey));
    }

    [Fact]
    public async Task Internal_server_error_three_times_is_unavailable_after_three_requests()
    {
        _server.Handler = (context, _) => ScriptedServer.Respond(context, 500, "<html>oops</html>", "text/html");

        var registration = await _client.Api.RegisterAsync(Registration, "key-0004", default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.Unavailable), registration);
        Assert.Equal(3, _server.Count);
        Assert.Equal(1, _client.WarningsContaining("answered 500"));
        _client.AssertLogsHoldNone(Serial, Email);
    }

    [Fact]
    public async Task A_server_slower_than_the_attempt_timeout_is_unavailable_within_the_total_timeout()
    {
        _server.Handler = async (context, _) =>
        {
            await Task.Delay(BenefitsClient.HangingServerDelay, context.RequestAborted);
            await ScriptedServer.Respond(context, 201, RegisteredJson);
        };

        var stopwatch = Stopwatch.StartNew();
        var result = await _client.Api.RegisterAsync(Registration, "key-0005", default);
        stopwatch.Stop();

        Assert.Equal(new RegistrationResult(RegistrationStatus.Unavailable), result);
        Assert.True(stopwatch.Elapsed < BenefitsClient.UnavailableWithin, $"Took {stopwatch.Elapsed}");
        Assert.InRange(_server.Count, 1, 3);
        Assert.Equal(1, _client.WarningsContaining("timed out"));
        _client.AssertLogsHoldNone(Serial, Email);
    }

    [Fact]
    public async Task A_lookup_slower_than_the_attempt_timeout_is_unavailable_within_the_total_timeout()
    {
        _server.Handler = async (context, _) => await Task.Delay(BenefitsClient.HangingServerDelay, context.RequestAborted);

        var stopwatch = Stopwatch.StartNew();
        var result = await _client.Api.LookUpCoverageAsync(Serial, Email, default);
        stopwatch.Stop();

        Assert.Equal(new CoverageResult(CoverageStatus.Unavailable), result);
        Assert.True(stopwatch.Elapsed < BenefitsClient.UnavailableWithin, $"Took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_answers_unavailable_without_calling_and_closes_after_the_break()
    {
        // A client whose resilience pipeline runs on a clock that stands still until the test moves it: the breaker's
        // break, but also the retries' back-off, so the failures ask for their retries at once (Retry-After: 0).
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = BenefitsClient.Create(_server.BaseUrl, "scripted-key", time);
        _server.Handler = (context, _) => ScriptedServer.Respond(context, 500, null, "application/json", ("Retry-After", "0"));

        // Two calls: three failed attempts, then two more; the fifth failure (MinimumThroughput 5, all failed) opens the circuit.
        Assert.Equal(RegistrationStatus.Unavailable, (await client.Api.RegisterAsync(Registration, "key-0006", default)).Status);
        Assert.Equal(RegistrationStatus.Unavailable, (await client.Api.RegisterAsync(Registration, "key-0007", default)).Status);
        var failed = _server.Count;
        Assert.Equal(5, failed);
        var openWarnings = client.WarningsContaining("circuit is open");

        // Open: answered at once, the server never asked.
        var whileOpen = await client.Api.LookUpCoverageAsync(Serial, Email, default);
        Assert.Equal(new CoverageResult(CoverageStatus.Unavailable), whileOpen);
        Assert.Equal(failed, _server.Count);
        Assert.Equal(openWarnings + 1, client.WarningsContaining("circuit is open"));

        // After the break the server is asked again, and its answer counts.
        _server.Handler = (context, _) => ScriptedServer.Respond(context, 201, RegisteredJson);
        time.Advance(BenefitsClient.BreakDuration);
        var afterBreak = await client.Api.RegisterAsync(Registration, "key-0008", default);

        Assert.Equal(RegistrationStatus.Registered, afterBreak.Status);
        Assert.Equal(failed + 1, _server.Count);
        client.AssertLogsHoldNone(Serial, Email);
    }

    [Theory]
    [InlineData(201, "{\"device\":")]
    [InlineData(201, "not json at all")]
    [InlineData(201, "")]
    [InlineData(201, "null")]
    [InlineData(201, "[]")]
    [InlineData(201, "{}")]
    [InlineData(201, "{\"device\":{\"model\":\"IQOS ILUMA\",\"purchaseDate\":\"15/06/2025\"}}")]
    [InlineData(200, "{\"device\":{\"model\":\"IQOS ILUMA\",\"purchaseDate\":\"2025-06-01\"},\"account\":{\"status\":\"active\"}}")]
    [InlineData(201, "{\"device\":{},\"account\":{\"status\":\"active\"}}")]
    public async Task A_success_status_with_a_malformed_registration_body_is_unavailable(int status, string body)
    {
        _server.Handler = (context, _) => ScriptedServer.Respond(context, status, body);

        var result = await _client.Api.RegisterAsync(Registration, "key-0009", default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.Unavailable), result);
        Assert.Equal(1, _server.Count);
        _client.AssertLogsHoldNone(Serial, Email);
    }

    [Theory]
    [InlineData("{\"status\":\"registered\"")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"status\":\"registered\"}")]
    [InlineData("{\"status\":\"somethingElse\",\"model\":\"IQOS ILUMA\"}")]
    [InlineData("{\"status\":\"registered\",\"device\":{\"model\":\"IQOS ILUMA\"}}")]
    public async Task A_success_status_with_a_malformed_lookup_body_is_unavailable(string body)
    {
        _server.Handler = (context, _) => ScriptedServer.Respond(context, 200, body);

        var result = await _client.Api.LookUpCoverageAsync(Serial, Email, default);

        Assert.Equal(new CoverageResult(CoverageStatus.Unavailable), result);
        Assert.Equal(1, _server.Count);
    }

    [Theory]
    [InlineData(400, "validation-failed")]
    [InlineData(422, "validation-failed")]
    [InlineData(422, "idempotency-key-reused")]
    [InlineData(404, "some-future-code")]
    public async Task A_problem_the_client_cannot_act_on_is_unavailable_with_a_warning_and_no_retry(int status, string code)
    {
        _server.Handler = (context, _) => ScriptedServer.Problem(context, status, code, ("X-Request-Id", "req-42"));

        var result = await _client.Api.RegisterAsync(Registration, "key-0010", default);

        Assert.Equal(new RegistrationResult(RegistrationStatus.Unavailable), result);
        Assert.Equal(1, _server.Count);
        Assert.Equal(1, _client.WarningsContaining($"answered {status} {code} (request id req-42)"));
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_unavailable()
    {
        var gone = _server.BaseUrl;
        await _server.DisposeAsync();
        _server = await ScriptedServer.StartAsync();
        await using var client = BenefitsClient.Create(gone, "scripted-key");

        var result = await client.Api.LookUpCoverageAsync(Serial, Email, default);

        Assert.Equal(new CoverageResult(CoverageStatus.Unavailable), result);
        Assert.Equal(1, client.WarningsContaining("could not be reached"));
        client.AssertLogsHoldNone(Serial, Email);
    }
}
