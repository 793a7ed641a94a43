using IqosBot.Testing;
using System.Diagnostics;
using IqosBot.Bot.Tests.Sandbox;
using IqosBot.Dialogs.Benefits;

namespace IqosBot.Bot.Tests.Benefits;

/// <summary>
/// <see cref="IBenefitsApi.CheckSerialAsync"/> through the real client (its DI registration and resilience
/// pipeline) against the sandbox over real HTTP on loopback, and against scripted failing servers: every
/// failure is Unavailable, never an exception. AttemptTimeout 1.5 s, TotalTimeout 3 s, BreakDuration 2 s.
/// </summary>
public sealed class SerialCheckContractTests : SandboxClientTestBase
{
    private const string Demo = "demo@example.com";
    private const string FreePrime = "ILP1A2B3C4D5";
    private const string DemoIluma = "ILU2M3N4P5Q6";
    private const string OthersIluma = "ILU9Z8Y7X6W5";
    private const string Unknown = "ZZZ999999999";

    [Theory]
    [InlineData(FreePrime, "IQOS ILUMA PRIME")]
    [InlineData("ILO7G6H5J4K3", "IQOS ILUMA ONE")]
    [InlineData("D3U9F8E7D6C5", "IQOS 3 DUO")]
    [InlineData(DemoIluma, "IQOS ILUMA")]
    [InlineData("D3U1V2W3X4Y5", "IQOS 3 DUO")]
    public async Task A_demo_serial_is_known_with_its_model(string serial, string model)
    {
        var result = await Api.CheckSerialAsync(serial, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Known, model), result);
        Client.AssertLogsHoldNone(serial);
    }

    [Theory]
    [InlineData("ilp1a2b3c4d5")]
    [InlineData("ILP1-A2B3-C4D5")]
    [InlineData("ilp1 a2b3 c4d5")]
    [InlineData(" ilp1-A2B3 c4d5 ")]
    public async Task A_serial_typed_with_spaces_dashes_or_lower_case_is_known(string typed)
    {
        var result = await Api.CheckSerialAsync(typed, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Known, "IQOS ILUMA PRIME"), result);
    }

    [Fact]
    public async Task A_serial_of_no_device_is_unknown_without_a_model()
    {
        var result = await Api.CheckSerialAsync(Unknown, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unknown), result);
        Assert.Equal(0, Client.WarningsContaining("Benefits API"));
    }

    [Fact]
    public async Task A_device_registered_to_someone_else_is_known_with_its_model_and_nothing_about_its_owner()
    {
        var result = await Api.CheckSerialAsync(OthersIluma, default);
        var demos = await Api.CheckSerialAsync(DemoIluma, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Known, "IQOS ILUMA"), result);
        Assert.Equal(demos, result);

        // What travelled back, byte for byte: the same as for the demo account's own device of that model.
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/devices/check") { Content = new StringContent($$"""{"serial":"{{OthersIluma}}"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", SandboxHost.ApiKey);
        using var response = await Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"known":true,"model":"IQOS ILUMA"}""", body);
        Assert.DoesNotContain("someone", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Client.AssertLogsHoldNone(OthersIluma, DemoIluma, "someone.else");
    }

    [Fact]
    public async Task The_serial_travels_only_in_the_body_of_one_post_and_stays_out_of_both_sides_logs()
    {
        await Api.CheckSerialAsync(FreePrime, default);
        await Api.CheckSerialAsync(Unknown, default);

        var requests = Client.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request =>
        {
            Assert.Equal("POST /sandbox/benefits/v1/devices/check", $"{request.Method} {request.Uri.PathAndQuery}");
            Assert.Equal(SandboxHost.ApiKey, request.Headers["X-Api-Key"]);
            Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
        });
        Assert.Equal($$"""{"serial":"{{FreePrime}}"}""", requests[0].Body);

        foreach (var secret in new[] { FreePrime, Unknown })
        {
            Assert.All(requests, request => Assert.DoesNotContain(secret, request.Uri.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.All(Host.Logs.Lines, line => Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase));
        }

        Client.AssertLogsHoldNone(FreePrime, Unknown);
    }

    [Fact]
    public async Task A_wrong_api_key_is_unavailable_with_a_warning_and_no_retry()
    {
        await using var wrongKey = BenefitsClient.Create(Host.Http.BaseAddress!, "not-the-key", patient: true);

        var result = await wrongKey.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.Equal(1, wrongKey.WarningsContaining("serial check answered 401 unauthorized"));
        Assert.Single(wrongKey.Requests);
        wrongKey.AssertLogsHoldNone(FreePrime, "not-the-key");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    public async Task A_serial_the_api_refuses_as_malformed_is_unavailable_with_a_warning_and_no_retry(string serial)
    {
        var result = await Api.CheckSerialAsync(serial, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.Equal(1, Client.WarningsContaining("serial check answered 400 validation-failed"));
        Assert.Single(Client.Requests);
        Assert.DoesNotContain(Client.Logs.Lines, line => line.Contains("(request id none)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_check_is_retried_after_service_unavailable_and_then_answers()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, n) => n <= 2
            ? ScriptedServer.Respond(context, 503)
            : ScriptedServer.Respond(context, 200, """{"known":true,"model":"IQOS ILUMA PRIME"}""");
        await using var client = BenefitsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Known, "IQOS ILUMA PRIME"), result);
        Assert.Equal(3, server.Count);
        Assert.All(server.Arrived, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/api/benefits/v1/devices/check", request.PathAndQuery);
            Assert.Equal("scripted-key", request.ApiKey);
        });
    }

    [Theory]
    [InlineData(500, "<html>oops</html>", "text/html")]
    [InlineData(502, "", "text/plain")]
    [InlineData(503, "", "text/plain")]
    [InlineData(429, """{"code":"rate-limited"}""", "application/problem+json")]
    public async Task A_server_that_keeps_failing_is_unavailable_after_three_attempts(int status, string body, string mediaType)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, status, body, mediaType, ("Retry-After", "0"));
        await using var client = BenefitsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.Equal(3, server.Count);
        Assert.Equal(1, client.WarningsContaining($"serial check answered {status}"));
        client.AssertLogsHoldNone(FreePrime);
    }

    [Fact]
    public async Task A_server_slower_than_the_attempt_timeout_is_unavailable_within_the_total_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = async (context, _) => await Task.Delay(BenefitsClient.HangingServerDelay, context.RequestAborted);
        await using var client = BenefitsClient.Create(server.BaseUrl, "scripted-key");

        var stopwatch = Stopwatch.StartNew();
        var result = await client.Api.CheckSerialAsync(FreePrime, default);
        stopwatch.Stop();

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.True(stopwatch.Elapsed < BenefitsClient.UnavailableWithin, $"Took {stopwatch.Elapsed}");
        Assert.InRange(server.Count, 1, 3);
        Assert.Equal(1, client.WarningsContaining("serial check timed out"));
        client.AssertLogsHoldNone(FreePrime);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_unavailable()
    {
        var port = LoopbackPort.Free();
        await using var client = BenefitsClient.Create(new Uri($"http://127.0.0.1:{port}/api/benefits/"), "scripted-key");

        var result = await client.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.Equal(1, client.WarningsContaining("serial check could not be reached"));
        client.AssertLogsHoldNone(FreePrime);
    }

    [Fact]
    public async Task While_the_circuit_is_open_the_check_is_unavailable_at_once_without_calling()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, 500);
        await using var client = BenefitsClient.Create(server.BaseUrl, "scripted-key");

        // Three failed attempts, then two more: the fifth failure (MinimumThroughput 5, all failed) opens the circuit.
        await client.Api.CheckSerialAsync(FreePrime, default);
        await client.Api.CheckSerialAsync(FreePrime, default);
        var failed = server.Count;

        var whileOpen = await client.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(5, failed);
        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), whileOpen);
        Assert.Equal(failed, server.Count);
        Assert.True(client.WarningsContaining("serial check not attempted: the circuit is open") >= 1);
    }

    [Theory]
    [InlineData(200, """{"known":true}""")]
    [InlineData(200, """{"known":true,"model":""}""")]
    [InlineData(200, """{"known":true,"model":null}""")]
    [InlineData(200, """{"model":"IQOS ILUMA"}""")]
    [InlineData(200, """{"known":"yes","model":"IQOS ILUMA"}""")]
    [InlineData(200, "{}")]
    [InlineData(200, "null")]
    [InlineData(200, "[]")]
    [InlineData(200, "not json")]
    [InlineData(200, "")]
    [InlineData(201, """{"known":true,"model":"IQOS ILUMA"}""")]
    [InlineData(204, "")]
    public async Task A_success_answer_outside_the_contract_is_unavailable_with_a_warning(int status, string body)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Respond(context, status, body, "application/json", ("X-Request-Id", "req-7"));
        await using var client = BenefitsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.Equal(1, server.Count);
        Assert.Equal(1, client.WarningsContaining($"serial check answered {status}"));
        Assert.Equal(1, client.WarningsContaining("req-7"));
        client.AssertLogsHoldNone(FreePrime);
    }

    [Theory]
    [InlineData(404, "not-found")]
    [InlineData(404, "unknown-serial")]
    [InlineData(400, "validation-failed")]
    [InlineData(422, "validation-failed")]
    public async Task A_problem_is_unavailable_with_a_warning_and_no_retry(int status, string code)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Handler = (context, _) => ScriptedServer.Problem(context, status, code, ("X-Request-Id", "req-42"));
        await using var client = BenefitsClient.Create(server.BaseUrl, "scripted-key");

        var result = await client.Api.CheckSerialAsync(FreePrime, default);

        Assert.Equal(new SerialCheckResult(SerialCheckStatus.Unavailable), result);
        Assert.Equal(1, server.Count);
        Assert.Equal(1, client.WarningsContaining($"serial check answered {status} {code} (request id req-42)"));
    }
}
