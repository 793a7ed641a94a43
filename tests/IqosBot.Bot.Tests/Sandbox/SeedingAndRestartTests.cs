namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>The demo is seeded once and only topped up: restarts keep everything registered in between.</summary>
public sealed class SeedingAndRestartTests : IDisposable
{
    private const string Owner = "new.owner@example.com";

    private readonly SandboxFolder _folder = new();

    [Fact]
    public async Task The_demo_data_is_seeded_at_start_up()
    {
        await using var host = await SandboxHost.StartAsync(_folder.Path);

        Assert.Equal(7, SandboxDb.Count(host.DatabasePath, "devices"));
        Assert.Equal(4, SandboxDb.Count(host.DatabasePath, "registrations"));
        Assert.Equal(2, SandboxDb.Count(host.DatabasePath, "accounts", "status = 'active'"));
        Assert.Equal(1, SandboxDb.Count(host.DatabasePath, "registrations", "accidental_damage_claim_used = 1 AND serial = 'ILP8R7S6T5U4'"));
        Assert.Equal(1, SandboxDb.Count(host.DatabasePath, "registrations r JOIN accounts a ON a.id = r.account_id", "r.serial = 'ILU9Z8Y7X6W5' AND a.email = 'someone.else@example.com'"));
    }

    [Fact]
    public async Task Reseeding_on_a_second_start_keeps_a_registration_made_in_between_and_duplicates_nothing()
    {
        await using (var first = await SandboxHost.StartAsync(_folder.Path))
        {
            var registered = await first.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", Owner, "2025-06-01"));
            Assert.Equal(201, (int)registered.Status);
        }

        // A month later: the demo's dates must not move with the new "today" either.
        await using var second = await SandboxHost.StartAsync(_folder.Path, SandboxHost.DefaultNow.AddDays(30));

        var mine = await second.LookupAsync("ILP1A2B3C4D5", Owner);
        Assert.Equal(200, (int)mine.Status);
        Assert.Equal("registered", mine.Json.GetProperty("status").GetString());
        Assert.Equal("2025-06-15", mine.Date("registrationDate"));
        Assert.Equal("2024-11-15", (await second.LookupAsync("ILU2M3N4P5Q6", "demo@example.com")).Date("purchaseDate"));
        Assert.Equal(7, SandboxDb.Count(second.DatabasePath, "devices"));
        Assert.Equal(5, SandboxDb.Count(second.DatabasePath, "registrations"));
        Assert.Equal(3, SandboxDb.Count(second.DatabasePath, "accounts"));
    }

    [Fact]
    public async Task Only_missing_demo_rows_are_added_back()
    {
        string path;
        await using (var first = await SandboxHost.StartAsync(_folder.Path))
        {
            path = first.DatabasePath;
        }

        SandboxDb.Execute(path, "DELETE FROM registrations WHERE serial = 'ILU9Z8Y7X6W5'; UPDATE registrations SET accidental_damage_claim_used = 1 WHERE serial = 'ILU2M3N4P5Q6'");
        await using var second = await SandboxHost.StartAsync(_folder.Path);

        Assert.Equal(200, (int)(await second.LookupAsync("ILU9Z8Y7X6W5", "someone.else@example.com")).Status);
        Assert.True((await second.LookupAsync("ILU2M3N4P5Q6", "demo@example.com")).Device.GetProperty("accidentalDamageClaimUsed").GetBoolean());
        Assert.Equal(4, SandboxDb.Count(second.DatabasePath, "registrations"));
    }

    [Fact]
    public async Task Registrations_and_idempotency_keys_survive_a_restart()
    {
        var body = SandboxHost.Registration("ILO7G6H5J4K3", Owner, "2025-06-01");
        SandboxReply original;
        await using (var first = await SandboxHost.StartAsync(_folder.Path))
        {
            original = await first.RegisterAsync(body, "restart-key");
            Assert.Equal(201, (int)original.Status);
        }

        await using var second = await SandboxHost.StartAsync(_folder.Path);
        var retried = await second.RegisterAsync(body, "restart-key");
        var lookup = await second.LookupAsync("ILO7G6H5J4K3", Owner);

        Assert.Equal(201, (int)retried.Status);
        Assert.Equal(original.Body, retried.Body);
        Assert.Equal(200, (int)lookup.Status);
        Assert.Equal(original.Device.GetRawText(), lookup.Device.GetRawText());
        Assert.Equal(1, SandboxDb.Registrations(second.DatabasePath, "ILO7G6H5J4K3"));
    }

    [Fact]
    public async Task Idempotency_keys_are_remembered_per_API_key()
    {
        await using (var first = await SandboxHost.StartAsync(_folder.Path))
        {
            Assert.Equal(201, (int)(await first.RegisterAsync(SandboxHost.Registration("ILO7G6H5J4K3", Owner, "2025-06-01"), "shared-key")).Status);
        }

        const string otherKey = "another-client-key";
        await using var second = await SandboxHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Benefits:Sandbox:ApiKey"] = otherKey });
        var body = System.Text.Json.JsonSerializer.Serialize(SandboxHost.Registration("ILP1A2B3C4D5", Owner, "2025-06-01"));

        var reply = await second.PostAsync("v1/registrations", body, apiKey: otherKey, idempotencyKey: "shared-key");

        Assert.Equal(201, (int)reply.Status);
    }

    public void Dispose() => _folder.Dispose();
}
