namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>POST /v1/coverage/lookup on the demo data, the clock at 2025-06-15 (Stockholm).</summary>
public sealed class CoverageLookupTests : SandboxTest
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public async Task A_device_registered_to_the_address_answers_its_coverage()
    {
        var reply = await Host.LookupAsync("ILU2M3N4P5Q6", Demo);

        // Bought and registered 7 months ago; the account's latest purchase (ILP8R7S6T5U4) was 4 months ago.
        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(
            """{"status":"registered","device":{"model":"IQOS ILUMA","purchaseDate":"2024-11-15","registrationDate":"2024-11-15","warrantyEnd":"2025-11-15","benefitProgramEnd":"2026-02-15","accidentalDamageEnd":"2025-11-15","accidentalDamageClaimUsed":false,"moneyBackEnd":"2025-01-14"}}""",
            reply.Body);
    }

    [Fact]
    public async Task A_device_whose_accidental_damage_claim_was_used_says_so()
    {
        var reply = await Host.LookupAsync("ILP8R7S6T5U4", Demo);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal(
            """{"status":"registered","device":{"model":"IQOS ILUMA PRIME","purchaseDate":"2025-02-15","registrationDate":"2025-02-15","warrantyEnd":"2026-02-15","benefitProgramEnd":"2026-02-15","accidentalDamageEnd":"2026-02-15","accidentalDamageClaimUsed":true,"moneyBackEnd":"2025-04-16"}}""",
            reply.Body);
    }

    [Fact]
    public async Task A_device_bought_26_months_ago_has_no_device_cover_left()
    {
        var reply = await Host.LookupAsync("D3U1V2W3X4Y5", Demo);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("registered", reply.Json.GetProperty("status").GetString());
        Assert.Equal("IQOS 3 DUO", reply.Device.GetProperty("model").GetString());
        Assert.Equal("2023-04-15", reply.Date("purchaseDate"));
        Assert.Equal("2023-04-15", reply.Date("registrationDate"));
        Assert.False(reply.Device.GetProperty("accidentalDamageClaimUsed").GetBoolean());
        foreach (var end in new[] { "warrantyEnd", "accidentalDamageEnd", "moneyBackEnd" })
        {
            Assert.True(DateOnly.Parse(reply.Date(end), System.Globalization.CultureInfo.InvariantCulture) < Today, $"{end} should be past");
        }

        Assert.Equal("2024-04-15", reply.Date("warrantyEnd"));
        Assert.Equal("2024-04-15", reply.Date("accidentalDamageEnd"));
        Assert.Equal("2023-06-14", reply.Date("moneyBackEnd"));

        // The benefit programme belongs to the account and follows its newest device (ILP8R7S6T5U4, 2025-02-15).
        Assert.Equal("2026-02-15", reply.Date("benefitProgramEnd"));
    }

    [Theory]
    [InlineData("ILP1A2B3C4D5", "anyone@example.com", "IQOS ILUMA PRIME")]
    [InlineData("ILO7G6H5J4K3", Demo, "IQOS ILUMA ONE")]
    [InlineData("d3u9-f8e7-d6c5", "not even an address", "IQOS 3 DUO")]
    public async Task A_device_registered_to_nobody_answers_its_model_whatever_the_address(string serial, string email, string model)
    {
        var reply = await Host.LookupAsync(serial, email);

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal($$"""{"status":"notRegistered","model":"{{model}}"}""", reply.Body);
    }

    [Fact]
    public async Task Somebody_elses_device_and_an_unknown_serial_get_byte_identical_404s()
    {
        var wrongOwner = await Host.LookupAsync("ILU2M3N4P5Q6", SomeoneElse);
        var otherDevice = await Host.LookupAsync("ILU9Z8Y7X6W5", Demo);
        var unknown = await Host.LookupAsync("ZZZ999999999", Demo);

        AssertProblem(unknown, 404, "not-found");
        Assert.Equal(unknown.Body, wrongOwner.Body);
        Assert.Equal(unknown.Body, otherDevice.Body);
        Assert.Equal(unknown.Status, wrongOwner.Status);
        Assert.Equal(unknown.Headers["Content-Type"], wrongOwner.Headers["Content-Type"]);
        Assert.Equal(unknown.Headers["Content-Length"], wrongOwner.Headers["Content-Length"]);
        Assert.DoesNotContain("@", unknown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_serial_and_the_address_are_matched_normalized()
    {
        var reply = await Host.LookupAsync(" ilu2-m3n4 p5q6 ", "  DEMO@Example.COM ");

        Assert.Equal(200, (int)reply.Status);
        Assert.Equal("registered", reply.Json.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"serial":"ILU2M3N4P5Q6"}""")]
    [InlineData("""{"email":"demo@example.com"}""")]
    [InlineData("""{"serial":"","email":"demo@example.com"}""")]
    [InlineData("""{"serial":"ILU2M3N4P5Q6","email":42}""")]
    public async Task A_malformed_lookup_is_400_validation_failed(string body)
    {
        var reply = await Host.PostAsync("v1/coverage/lookup", body);

        AssertProblem(reply, 400, "validation-failed");
        Assert.DoesNotContain("ILU2M3N4P5Q6", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_is_never_in_a_url_lookups_by_get_do_not_exist()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/coverage/lookup?serial=ILU2M3N4P5Q6&email=demo@example.com");
        request.Headers.Add("X-Api-Key", SandboxHost.ApiKey);

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
