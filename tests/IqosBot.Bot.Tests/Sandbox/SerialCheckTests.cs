namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>
/// POST /v1/devices/check of the sandbox over raw HTTP: known or unknown and the model, exactly as the contract
/// spells them, and nothing about whether or to whom a device is registered. Clock at 2025-06-15 (Stockholm).
/// </summary>
public sealed class SerialCheckTests : SandboxTest
{
    private const string FreePrime = "ILP1A2B3C4D5";
    private const string DemoIluma = "ILU2M3N4P5Q6";
    private const string OthersIluma = "ILU9Z8Y7X6W5";
    private const string Unknown = "QQQ111222333";

    [Theory]
    [InlineData(FreePrime, "IQOS ILUMA PRIME")]
    [InlineData("ILO7G6H5J4K3", "IQOS ILUMA ONE")]
    [InlineData("D3U9F8E7D6C5", "IQOS 3 DUO")]
    [InlineData(DemoIluma, "IQOS ILUMA")]
    [InlineData("ILP8R7S6T5U4", "IQOS ILUMA PRIME")]
    [InlineData("D3U1V2W3X4Y5", "IQOS 3 DUO")]
    [InlineData(OthersIluma, "IQOS ILUMA")]
    public async Task Every_demo_device_is_known_with_its_model(string serial, string model)
    {
        var reply = await Host.CheckSerialAsync(serial);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal($$"""{"known":true,"model":"{{model}}"}""", reply.Body);
    }

    [Theory]
    [InlineData("ilp1a2b3c4d5")]
    [InlineData("ILP1-A2B3-C4D5")]
    [InlineData("ilp1 a2b3 c4d5")]
    [InlineData("  Ilp1-A2b3 c4D5 ")]
    [InlineData("I-L-P-1-A-2-B-3-C-4-D-5")]
    public async Task A_serial_typed_with_spaces_dashes_or_lower_case_is_known(string typed)
    {
        var reply = await Host.CheckSerialAsync(typed);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("""{"known":true,"model":"IQOS ILUMA PRIME"}""", reply.Body);
    }

    [Theory]
    [InlineData(Unknown)]
    [InlineData("ILP1A2B3C4D")]
    [InlineData("ILP1A2B3C4D55")]
    [InlineData("0LP1A2B3C4D5")]
    public async Task A_serial_of_no_device_is_unknown_without_a_model(string serial)
    {
        var reply = await Host.CheckSerialAsync(serial);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal("""{"known":false}""", reply.Body);
    }

    [Fact]
    public async Task A_device_registered_to_someone_else_answers_exactly_like_one_of_the_same_model_registered_to_the_demo_account()
    {
        var someoneElses = await Host.CheckSerialAsync(OthersIluma);
        var demos = await Host.CheckSerialAsync(DemoIluma);

        Assert.Equal("""{"known":true,"model":"IQOS ILUMA"}""", someoneElses.Body);
        Assert.Equal(demos.Body, someoneElses.Body);
        Assert.Equal(demos.Headers["Content-Length"], someoneElses.Headers["Content-Length"]);
        foreach (var hint in new[] { "@", "someone", "regist", "account", "owner", "email", "purchase", "2025", "2024", "status" })
        {
            Assert.DoesNotContain(hint, someoneElses.Body, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var hint in new[] { "@", "someone", "regist", "account", "owner" })
        {
            Assert.All(someoneElses.Headers, header => Assert.DoesNotContain(hint, header.Value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Registering_a_device_changes_nothing_in_its_answer_and_the_check_stores_nothing()
    {
        var before = await Host.CheckSerialAsync(FreePrime);
        var registered = await Host.RegisterAsync(SandboxHost.Registration(FreePrime, "new.owner@example.com", "2025-06-01"));
        var after = await Host.CheckSerialAsync(FreePrime);
        await Host.CheckSerialAsync(Unknown);

        Assert.Equal(201, (int)registered.Status);
        Assert.Equal(before.Body, after.Body);
        Assert.Equal(before.Headers["Content-Length"], after.Headers["Content-Length"]);
        Assert.Equal(0, SandboxDb.Count(Host.DatabasePath, "devices", "serial = $serial", ("$serial", Unknown)));
        Assert.Equal(7, SandboxDb.Count(Host.DatabasePath, "devices"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("\"ILP1A2B3C4D5\"")]
    [InlineData("{}")]
    [InlineData("""{"serial":""}""")]
    [InlineData("""{"serial":" - - "}""")]
    [InlineData("""{"serial":null}""")]
    [InlineData("""{"serial":42}""")]
    [InlineData("""{"serial":["ILP1A2B3C4D5"]}""")]
    [InlineData("""{"Serial":"ILP1A2B3C4D5"}""")]
    [InlineData("""{"serial":"ILP1A2B3C4D5ILP1A2B3C4D5ILP1A2B3C4D5ILP1A2B3C4D5ILP1A2B3C4D5ILP1A"}""")]
    public async Task A_malformed_body_is_400_validation_failed_without_the_serial(string body)
    {
        var reply = await Host.PostAsync("v1/devices/check", body);

        AssertProblem(reply, 400, "validation-failed");
        Assert.DoesNotContain("ILP1A2B3C4D5", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(reply.Headers["X-Request-Id"]));
    }

    [Fact]
    public async Task An_empty_body_is_400_validation_failed()
    {
        var reply = await Host.PostAsync("v1/devices/check", string.Empty);

        AssertProblem(reply, 400, "validation-failed");
    }

    [Fact]
    public async Task A_serial_of_64_characters_once_separators_are_removed_is_still_asked()
    {
        var reply = await Host.CheckSerialAsync(string.Concat(Enumerable.Repeat("AB-CD ", 16)));

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("""{"known":false}""", reply.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("TEST-KEY-0123456789")]
    public async Task Without_the_right_key_the_answer_is_401_unauthorized_before_the_body_is_read(string? key)
    {
        var known = await Host.PostAsync("v1/devices/check", """{"serial":"ILP1A2B3C4D5"}""", apiKey: key);
        var malformed = await Host.PostAsync("v1/devices/check", "{not json", apiKey: key);

        AssertProblem(known, 401, "unauthorized");
        AssertProblem(malformed, 401, "unauthorized");
        Assert.Equal(known.Body, malformed.Body);
        Assert.DoesNotContain("IQOS", known.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(known.Headers["X-Request-Id"]));
    }

    [Fact]
    public async Task Every_answer_names_the_request()
    {
        var first = await Host.CheckSerialAsync(FreePrime);
        var second = await Host.CheckSerialAsync(FreePrime);

        Assert.False(string.IsNullOrEmpty(first.Headers["X-Request-Id"]));
        Assert.NotEqual(first.Headers["X-Request-Id"], second.Headers["X-Request-Id"]);
    }

    [Fact]
    public async Task The_serial_is_never_in_a_url_a_check_by_get_does_not_exist()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/devices/check?serial=ILP1A2B3C4D5");
        request.Headers.Add("X-Api-Key", SandboxHost.ApiKey);

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Logs_carry_hash_prefixes_and_known_or_unknown_never_a_serial_or_a_registration()
    {
        await Host.CheckSerialAsync("ilp1-a2b3-c4d5");
        await Host.CheckSerialAsync(OthersIluma);
        await Host.CheckSerialAsync(Unknown);
        await Host.PostAsync("v1/devices/check", """{"serial":"ILU2M3N4P5Q6","extra":"private.person@example.com"}""");

        var checks = Host.Logs.Lines.Where(line => line.Contains("serial check", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, checks.Count);
        Assert.Equal(3, checks.Count(line => line.Contains(": known", StringComparison.Ordinal)));
        Assert.Single(checks, line => line.Contains(": unknown", StringComparison.Ordinal));
        Assert.DoesNotContain(checks, line => line.Contains("regist", StringComparison.OrdinalIgnoreCase) || line.Contains("account", StringComparison.OrdinalIgnoreCase));

        var log = string.Join('\n', Host.Logs.Lines);
        Assert.DoesNotContain("@", log, StringComparison.Ordinal);
        foreach (var secret in new[] { FreePrime, "ILP1-A2B3", OthersIluma, Unknown, DemoIluma, "private.person" })
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_check_shares_the_keys_rate_limit_with_the_other_endpoints()
    {
        using var folder = new SandboxFolder();
        await using var host = await SandboxHost.StartAsync(folder.Path, settings: new Dictionary<string, string?> { ["Benefits:Sandbox:RequestsPerMinute"] = "2" });

        var first = await host.LookupAsync(DemoIluma, Demo);
        var second = await host.CheckSerialAsync(FreePrime);
        var third = await host.CheckSerialAsync(FreePrime);

        Assert.Equal(200, (int)first.Status);
        Assert.Equal(200, (int)second.Status);
        Assert.Equal(429, (int)third.Status);
        Assert.Equal("application/problem+json", third.MediaType);
        Assert.Equal("rate-limited", third.Code);
        Assert.InRange(int.Parse(third.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }
}
