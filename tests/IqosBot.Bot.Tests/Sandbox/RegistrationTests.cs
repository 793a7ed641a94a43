namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>POST /v1/registrations with the clock at 2025-06-15 (Stockholm).</summary>
public sealed class RegistrationTests : SandboxTest
{
    [Fact]
    public async Task A_free_device_registered_to_a_new_address_creates_a_pending_account()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "new.owner@example.com", "2025-06-01", marketingConsent: true, language: "en"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(
            """{"device":{"model":"IQOS ILUMA PRIME","purchaseDate":"2025-06-01","registrationDate":"2025-06-15","warrantyEnd":"2026-06-01","benefitProgramEnd":"2026-06-01","accidentalDamageEnd":"2026-06-15","accidentalDamageClaimUsed":false,"moneyBackEnd":"2025-07-31"},"account":{"status":"pendingActivation"}}""",
            reply.Body);
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "accounts", "email = 'new.owner@example.com' AND status = 'pendingActivation'"));
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "registrations", "serial = 'ILP1A2B3C4D5' AND marketing_consent = 1 AND language = 'en'"));
    }

    [Fact]
    public async Task A_second_device_on_a_pending_account_keeps_it_pending()
    {
        await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "new.owner@example.com", "2025-06-01"));

        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILO7G6H5J4K3", "new.owner@example.com", "2025-06-10"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("pendingActivation", reply.Json.GetProperty("account").GetProperty("status").GetString());
        Assert.Equal(1, SandboxDb.Accounts(Host.DatabasePath, "new.owner@example.com"));
    }

    [Fact]
    public async Task A_newer_device_on_the_demo_account_is_active_and_extends_the_benefit_programme_of_every_device()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILO7G6H5J4K3", Demo, "2025-05-20"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("active", reply.Json.GetProperty("account").GetProperty("status").GetString());
        Assert.Equal("IQOS ILUMA ONE", reply.Device.GetProperty("model").GetString());
        Assert.Equal("2026-05-20", reply.Date("benefitProgramEnd"));
        Assert.Equal("2026-05-20", reply.Date("warrantyEnd"));
        Assert.Equal("2026-06-15", reply.Date("accidentalDamageEnd"));

        // The account's other devices follow its newest purchase now, the expired one included.
        foreach (var serial in new[] { "ILU2M3N4P5Q6", "ILP8R7S6T5U4", "D3U1V2W3X4Y5" })
        {
            var lookup = await Host.LookupAsync(serial, Demo);
            Assert.Equal("2026-05-20", lookup.Date("benefitProgramEnd"));
        }
    }

    [Fact]
    public async Task An_older_device_on_the_demo_account_leaves_the_benefit_programme_on_the_latest_purchase()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("D3U9F8E7D6C5", Demo, "2024-01-10"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("2025-01-10", reply.Date("warrantyEnd"));
        Assert.Equal("2024-03-10", reply.Date("moneyBackEnd"));

        // ILP8R7S6T5U4, bought 2025-02-15, is still the account's latest purchase.
        Assert.Equal("2026-02-15", reply.Date("benefitProgramEnd"));
    }

    [Fact]
    public async Task A_device_already_registered_to_the_same_account_answers_200_and_changes_nothing()
    {
        var before = await Host.LookupAsync("ILU2M3N4P5Q6", Demo);

        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILU2M3N4P5Q6", "  DEMO@Example.com ", "2025-06-01", marketingConsent: true));

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal(before.Device.GetRawText(), reply.Device.GetRawText());
        Assert.Equal("2024-11-15", reply.Date("purchaseDate"));
        Assert.Equal("active", reply.Json.GetProperty("account").GetProperty("status").GetString());
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "registrations", "serial = 'ILU2M3N4P5Q6' AND marketing_consent = 0 AND purchase_date = '2024-11-15'"));
    }

    [Fact]
    public async Task An_unknown_serial_is_404_unknown_serial()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("XXX000000000", "new.owner@example.com", "2025-06-01"));

        AssertProblem(reply, 404, "unknown-serial");
        Assert.DoesNotContain("XXX000000000", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0, SandboxDb.Accounts(Host.DatabasePath, "new.owner@example.com"));
    }

    [Fact]
    public async Task Somebody_elses_device_is_409_and_reveals_nothing_about_their_account()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILU9Z8Y7X6W5", "new.owner@example.com", "2025-06-01"));

        AssertProblem(reply, 409, "registered-to-another-account");
        Assert.DoesNotContain("@", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("someone", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ILU9Z8Y7X6W5", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, SandboxDb.Accounts(Host.DatabasePath, "new.owner@example.com"));
        Assert.Equal(200, (int)(await Host.LookupAsync("ILU9Z8Y7X6W5", SomeoneElse)).Status);
    }

    [Theory]
    [InlineData("ILP1A2B3C4D5", "2025-06-16")] // tomorrow in Stockholm
    [InlineData("ILP1A2B3C4D5", "2030-01-01")]
    [InlineData("ILP1A2B3C4D5", "2021-07-31")] // the day before ILUMA PRIME's launch
    [InlineData("ILO7G6H5J4K3", "2020-05-05")]
    [InlineData("D3U9F8E7D6C5", "2018-12-31")] // the day before IQOS 3 DUO's launch
    public async Task A_purchase_date_in_the_future_or_before_the_launch_is_422_invalid_purchase_date(string serial, string purchaseDate)
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration(serial, "new.owner@example.com", purchaseDate));

        AssertProblem(reply, 422, "invalid-purchase-date");
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, serial));
        Assert.Equal(0, SandboxDb.Accounts(Host.DatabasePath, "new.owner@example.com"));
    }

    [Theory]
    [InlineData("ILP1A2B3C4D5", "2021-08-01")]
    [InlineData("D3U9F8E7D6C5", "2019-01-01")]
    [InlineData("ILO7G6H5J4K3", "2025-06-15")]
    public async Task The_launch_day_and_today_are_valid_purchase_dates(string serial, string purchaseDate)
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration(serial, "new.owner@example.com", purchaseDate));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal(purchaseDate, reply.Date("purchaseDate"));
    }

    [Fact]
    public async Task Age_not_confirmed_is_422_validation_failed_and_nothing_is_stored()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "young@example.com", "2025-06-01", ageConfirmed: false));

        AssertProblem(reply, 422, "validation-failed");
        Assert.Contains("18", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
        Assert.Equal(0, SandboxDb.Accounts(Host.DatabasePath, "young@example.com"));
        Assert.Equal(0, SandboxDb.Count(Host.DatabasePath, "idempotency_keys"));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("anna@localhost")]
    [InlineData("Anna <anna@example.com>")]
    [InlineData("anna@@example.com")]
    [InlineData("anna example@example.com")]
    public async Task An_invalid_email_is_422_validation_failed_and_is_not_echoed(string email)
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", email, "2025-06-01"));

        AssertProblem(reply, 422, "validation-failed");
        Assert.DoesNotContain(email, reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":""")]
    public async Task A_body_that_is_not_a_JSON_object_is_400_validation_failed(string body)
    {
        var reply = await Host.PostAsync("v1/registrations", body, idempotencyKey: "malformed-1");

        AssertProblem(reply, 400, "validation-failed");
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "serial")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "email")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "purchaseDate")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","marketingConsent":false,"language":"sv"}""", "ageConfirmed")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"language":"sv"}""", "marketingConsent")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false}""", "language")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"01/06/2025","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "purchaseDate")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-02-30","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "purchaseDate")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":"yes","marketingConsent":false,"language":"sv"}""", "ageConfirmed")]
    [InlineData("""{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":"de"}""", "language")]
    [InlineData("""{"serial":" - ","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "serial")]
    [InlineData("""{"serial":12345,"email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""", "serial")]
    public async Task A_missing_or_malformed_field_is_400_validation_failed_naming_the_field(string body, string field)
    {
        var reply = await Host.PostAsync("v1/registrations", body, idempotencyKey: "malformed-2");

        AssertProblem(reply, 400, "validation-failed");
        Assert.Contains(field, reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ILP1A2B3C4D5", reply.Body, StringComparison.Ordinal);
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789X")]
    public async Task A_missing_or_overlong_idempotency_key_is_400_validation_failed(string? key)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(SandboxHost.Registration("ILP1A2B3C4D5", "a@example.com", "2025-06-01"));

        var reply = await Host.PostAsync("v1/registrations", body, idempotencyKey: key);

        AssertProblem(reply, 400, "validation-failed");
        Assert.Contains("Idempotency-Key", reply.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Fact]
    public async Task An_idempotency_key_of_100_characters_is_accepted()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "a@example.com", "2025-06-01"), new string('k', 100));

        Assert.Equal(201, (int)reply.Status);
    }

    [Theory]
    [InlineData("ilp1-a2b3-c4d5")]
    [InlineData(" ILP1 A2B3 C4D5 ")]
    [InlineData("iLp1a2B3c4d5")]
    [InlineData("ILP1-A2B3 c4d5")]
    public async Task A_serial_with_spaces_dashes_or_lower_case_matches_and_the_email_matches_in_any_case(string serial)
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration(serial, "  Demo@EXAMPLE.com ", "2025-06-01"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("active", reply.Json.GetProperty("account").GetProperty("status").GetString());
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
        Assert.Equal(1, SandboxDb.Accounts(Host.DatabasePath, Demo));
        Assert.Equal(200, (int)(await Host.LookupAsync("ILP1A2B3C4D5", Demo)).Status);
    }
}
