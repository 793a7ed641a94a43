using System.Text.Json;
using System.Text.RegularExpressions;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>
/// POST /v1/claims/eligibility and POST /v1/claims of the sandbox over raw HTTP: the bodies exactly as the
/// contract spells them, the validation split (400 schema, 422 values), idempotency, persistence and privacy.
/// Clock at 2025-06-15 (Stockholm).
/// </summary>
public sealed partial class ClaimsTests : SandboxTest
{
    private const string DemoIluma = "ILU2M3N4P5Q6";
    private const string DemoPrime = "ILP8R7S6T5U4";
    private const string DemoDuo = "D3U1V2W3X4Y5";

    [Fact]
    public async Task An_eligible_answer_is_eligible_and_the_model_without_a_reason()
    {
        var reply = await CheckAsync(DemoIluma, Demo, "accidental-damage", "dropped");

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal("""{"eligible":true,"model":"IQOS ILUMA"}""", reply.Body);
    }

    [Theory]
    [InlineData(DemoPrime, "accidental-damage", "dropped", """{"eligible":false,"reason":"accidental-claim-used","model":"IQOS ILUMA PRIME"}""")]
    [InlineData(DemoDuo, "warranty-replacement", "none", """{"eligible":false,"reason":"warranty-expired","model":"IQOS 3 DUO"}""")]
    [InlineData(DemoDuo, "accidental-damage", "cracked", """{"eligible":false,"reason":"accidental-cover-expired","model":"IQOS 3 DUO"}""")]
    [InlineData(DemoDuo, "accidental-damage", "liquid", """{"eligible":false,"reason":"damage-excluded","model":"IQOS 3 DUO"}""")]
    [InlineData("ilo7-g6h5-j4k3", "accidental-damage", "dropped", """{"eligible":false,"reason":"not-registered","model":"IQOS ILUMA ONE"}""")]
    public async Task A_refusal_names_its_reason_and_the_model(string serial, string kind, string damage, string body)
    {
        var reply = await CheckAsync(serial, Demo, kind, damage);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal(body, reply.Body);
    }

    [Fact]
    public async Task An_unknown_serial_and_someone_elses_device_get_byte_identical_not_found_answers_for_both_operations()
    {
        var unknown = await CheckAsync("QQQ111222333", Demo, "warranty-replacement", "none");
        var someoneElses = await CheckAsync("ILU9Z8Y7X6W5", Demo, "warranty-replacement", "none");
        var wrongEmail = await CheckAsync(DemoIluma, SomeoneElse, "warranty-replacement", "none");
        var createUnknown = await CreateAsync(Claim("QQQ111222333", Demo));
        var createSomeoneElses = await CreateAsync(Claim("ILU9Z8Y7X6W5", Demo));
        var lookup = await Host.LookupAsync("QQQ111222333", Demo);

        AssertProblem(unknown, 404, "not-found");
        Assert.All(new[] { someoneElses, wrongEmail, createUnknown, createSomeoneElses, lookup }, reply =>
        {
            Assert.Equal(404, (int)reply.Status);
            Assert.Equal(unknown.Body, reply.Body);
        });
        Assert.Equal(0, SandboxDb.Count(Host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task A_created_claim_is_201_with_a_case_number_kind_model_and_time_and_is_stored()
    {
        var reply = await CreateAsync(Claim(DemoIluma, Demo, street: "  Storgatan 1 ", postalCode: "12345", city: " Stockholm "));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        var caseNumber = reply.Json.GetProperty("caseNumber").GetString()!;
        Assert.Matches(CaseNumber(), caseNumber);
        Assert.Equal($$"""{"caseNumber":"{{caseNumber}}","kind":"accidental-damage","model":"IQOS ILUMA","createdAt":"2025-06-15T10:00:00+00:00"}""", reply.Body);
        Assert.Equal(1, SandboxDb.Count(
            Host.DatabasePath,
            "claims",
            "case_number = $case AND serial = $serial AND kind = 'accidental-damage' AND damage = 'dropped' AND street = 'Storgatan 1' AND postal_code = '123 45' AND city = 'Stockholm' AND language = 'sv'",
            ("$case", caseNumber),
            ("$serial", DemoIluma)));
        Assert.True((await Host.LookupAsync(DemoIluma, Demo)).Device.GetProperty("accidentalDamageClaimUsed").GetBoolean());
    }

    [Fact]
    public async Task A_refused_claim_is_422_not_eligible_with_the_reason_and_the_model()
    {
        var reply = await CreateAsync(Claim(DemoPrime, Demo));

        AssertProblem(reply, 422, "not-eligible");
        Assert.Equal("accidental-claim-used", reply.Json.GetProperty("reason").GetString());
        Assert.Equal("IQOS ILUMA PRIME", reply.Json.GetProperty("model").GetString());
        Assert.Equal(0, SandboxDb.Count(Host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_201_and_creates_one_claim()
    {
        var first = await CreateAsync(Claim(DemoIluma, Demo), "claim-1");
        var retry = await CreateAsync(Claim("ilu2-m3n4-p5q6", " Demo@Example.com", postalCode: "852 31"), "claim-1");

        Assert.Equal(201, (int)first.Status);
        Assert.Equal(201, (int)retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.False(first.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"]);
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_first_used_for_a_registration_is_422_idempotency_key_reused()
    {
        await CreateAsync(Claim(DemoIluma, Demo, kind: "warranty-replacement", damage: "none"), "claim-1");
        await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "x@example.com", "2025-06-01"), "registration-1");

        var otherCity = await CreateAsync(Claim(DemoIluma, Demo, kind: "warranty-replacement", damage: "none", city: "Malmö"), "claim-1");
        var registrationKey = await CreateAsync(Claim(DemoIluma, Demo), "registration-1");

        AssertProblem(otherCity, 422, "idempotency-key-reused");
        AssertProblem(registrationKey, 422, "idempotency-key-reused");
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task A_refusal_is_not_stored_so_the_key_can_be_used_once_the_request_is_fixed()
    {
        var refused = await CreateAsync(Claim(DemoIluma, Demo, postalCode: "1234"), "claim-1");
        var fixedUp = await CreateAsync(Claim(DemoIluma, Demo), "claim-1");

        AssertProblem(refused, 422, "validation-failed");
        Assert.Equal(201, (int)fixedUp.Status);
    }

    [Fact]
    public async Task Concurrent_accidental_damage_claims_for_one_device_create_exactly_one()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => CreateAsync(Claim(DemoIluma, Demo), $"claim-{i}")));

        Assert.Single(replies, reply => (int)reply.Status == 201);
        Assert.All(replies.Where(reply => (int)reply.Status != 201), reply =>
        {
            AssertProblem(reply, 422, "not-eligible");
            Assert.Equal("accidental-claim-used", reply.Json.GetProperty("reason").GetString());
        });
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "claims"));
    }

    [Theory]
    [InlineData("""{"email":"demo@example.com","kind":"accidental-damage","damage":"dropped"}""", "serial")]
    [InlineData("""{"serial":"ILU2M3N4P5Q6","email":"demo@example.com","kind":"theft","damage":"dropped"}""", "kind")]
    [InlineData("""{"serial":"ILU2M3N4P5Q6","email":"demo@example.com","kind":"accidental-damage","damage":"Dropped"}""", "damage")]
    [InlineData("""{"serial":"ILU2M3N4P5Q6","email":"demo@example.com","kind":"accidental-damage"}""", "damage")]
    public async Task A_check_that_does_not_fit_the_schema_is_400(string body, string field)
    {
        var reply = await Host.PostAsync("v1/claims/eligibility", body);

        AssertProblem(reply, 400, "validation-failed");
        Assert.Contains(field, reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("address", null)]
    [InlineData("address.street", null)]
    [InlineData("address.postalCode", null)]
    [InlineData("faultDescription", null)]
    [InlineData("language", "de")]
    [InlineData("address", "Storgatan 1, 123 45 Stockholm")]
    public async Task A_claim_that_does_not_fit_the_schema_is_400(string field, string? value)
    {
        var body = JsonSerializer.SerializeToNode(Claim(DemoIluma, Demo))!.AsObject();
        var path = field.Split('.');
        var target = path.Length == 2 ? body[path[0]]!.AsObject() : body;
        if (value is null)
        {
            target.Remove(path[^1]);
        }
        else
        {
            target[path[^1]] = value;
        }

        var reply = await Host.PostAsync("v1/claims", body.ToJsonString(), idempotencyKey: "claim-1");

        AssertProblem(reply, 400, "validation-failed");
        Assert.Contains(field, reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, SandboxDb.Count(Host.DatabasePath, "claims"));
    }

    [Fact]
    public async Task A_claim_without_an_idempotency_key_is_400()
    {
        var reply = await Host.PostAsync("v1/claims", JsonSerializer.Serialize(Claim(DemoIluma, Demo)));

        AssertProblem(reply, 400, "validation-failed");
        Assert.Contains("Idempotency-Key", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456", "address.postalCode")]
    [InlineData("1234", "address.postalCode")]
    [InlineData("12 345", "address.postalCode")]
    [InlineData("١٢٣٤٥", "address.postalCode")]
    public async Task A_postcode_that_is_not_five_digits_is_422(string postalCode, string field)
    {
        var reply = await CreateAsync(Claim(DemoIluma, Demo, postalCode: postalCode));

        AssertProblem(reply, 422, "validation-failed");
        Assert.Contains(field, reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_or_too_long_values_are_422_and_the_limits_themselves_pass()
    {
        var blankStreet = await CreateAsync(Claim(DemoIluma, Demo, kind: "warranty-replacement", damage: "none", street: " "));
        var longCity = await CreateAsync(Claim(DemoIluma, Demo, kind: "warranty-replacement", damage: "none", city: new string('a', 61)));
        var longFault = await CreateAsync(Claim(DemoIluma, Demo, kind: "warranty-replacement", damage: "none", fault: new string('x', 1001)));
        var atLimits = await CreateAsync(Claim(DemoIluma, Demo, kind: "warranty-replacement", damage: "none", street: new string('s', 100), city: new string('c', 60), fault: new string('x', 1000)));

        AssertProblem(blankStreet, 422, "validation-failed");
        AssertProblem(longCity, 422, "validation-failed");
        AssertProblem(longFault, 422, "validation-failed");
        Assert.Equal(201, (int)atLimits.Status);
    }

    [Fact]
    public async Task Logs_carry_hash_prefixes_and_case_numbers_never_serials_addresses_or_descriptions()
    {
        await CheckAsync(DemoIluma, "Private.Person@example.com", "accidental-damage", "dropped");
        await CreateAsync(Claim(DemoIluma, Demo, street: "Hemlighetsvägen 9", city: "Ankeborg", fault: "Secret symptom words"));
        await CreateAsync(Claim(DemoIluma, Demo, street: "Hemlighetsvägen 9", city: "Ankeborg", fault: "Secret symptom words"));
        await CreateAsync(Claim(DemoDuo, Demo, kind: "warranty-replacement", damage: "none", street: "Hemlighetsvägen 9"));

        var log = string.Join('\n', Host.Logs.Lines);

        Assert.Contains("created RC-", log, StringComparison.Ordinal);
        Assert.Contains("warranty-expired", log, StringComparison.Ordinal);
        Assert.DoesNotContain("@", log, StringComparison.Ordinal);
        foreach (var secret in new[] { "private.person", DemoIluma, DemoDuo, "Hemlighetsvägen", "Ankeborg", "852 31", "Secret symptom" })
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static object Claim(
        string serial,
        string email,
        string kind = "accidental-damage",
        string damage = "dropped",
        string fault = "Holder does not heat after a fall; reset tried.",
        string street = "Storgatan 1",
        string postalCode = "852 31",
        string city = "Sundsvall",
        string language = "sv") =>
        new { serial, email, kind, damage, faultDescription = fault, address = new { street, postalCode, city }, language };

    private Task<SandboxReply> CheckAsync(string serial, string email, string kind, string damage) =>
        Host.PostAsync("v1/claims/eligibility", JsonSerializer.Serialize(new { serial, email, kind, damage }));

    private Task<SandboxReply> CreateAsync(object claim, string? idempotencyKey = null) =>
        Host.PostAsync("v1/claims", JsonSerializer.Serialize(claim), idempotencyKey: idempotencyKey ?? Guid.NewGuid().ToString());

    [GeneratedRegex("^RC-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$")]
    private static partial Regex CaseNumber();
}

/// <summary>A claim is kept in the sandbox's file: a restart neither forgets it nor re-seeds the used claim away.</summary>
public sealed class ClaimsRestartTests : IDisposable
{
    private readonly SandboxFolder _folder = new();

    [Fact]
    public async Task A_used_accidental_damage_claim_stays_used_after_a_restart()
    {
        await using (var first = await SandboxHost.StartAsync(_folder.Path))
        {
            var created = await first.PostAsync(
                "v1/claims",
                JsonSerializer.Serialize(new
                {
                    serial = "ILU2M3N4P5Q6", email = "demo@example.com", kind = "accidental-damage", damage = "cracked",
                    faultDescription = "Cracked cap.", address = new { street = "Storgatan 1", postalCode = "12345", city = "Stockholm" }, language = "en",
                }),
                idempotencyKey: "claim-1");
            Assert.Equal(201, (int)created.Status);
        }

        await using var second = await SandboxHost.StartAsync(_folder.Path);
        var reply = await second.PostAsync("v1/claims/eligibility", JsonSerializer.Serialize(new { serial = "ILU2M3N4P5Q6", email = "demo@example.com", kind = "accidental-damage", damage = "dropped" }));

        Assert.Equal("""{"eligible":false,"reason":"accidental-claim-used","model":"IQOS ILUMA"}""", reply.Body);
        Assert.Equal(1, SandboxDb.Count(second.DatabasePath, "claims"));
    }

    public void Dispose() => _folder.Dispose();
}
