using System.Net;
using System.Text.Json;
using IqosBot.Sandbox.Benefits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>The demo CRM keeps what customers put into it for 30 days (then not a byte of it on disk); the demo data stays.</summary>
public sealed class SandboxRetentionTests : SandboxTest
{
    [Fact]
    public async Task A_customers_registration_account_and_claim_go_after_the_retention_period_and_the_demo_data_stays()
    {
        Assert.Equal(HttpStatusCode.Created, (await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "kvar.for.kort@example.com", "2025-06-01"))).Status);
        var claim = await Host.PostAsync("v1/claims", JsonSerializer.Serialize(new
        {
            serial = "ILP1A2B3C4D5",
            email = "kvar.for.kort@example.com",
            kind = "warranty-replacement",
            damage = "none",
            faultDescription = "Värmer inte.",
            address = new { street = "Tillfälliga vägen 3", postalCode = "852 31", city = "Sundsvall" },
            language = "sv",
        }), idempotencyKey: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, claim.Status);
        var retention = Host.Services.GetRequiredService<SandboxRetention>();

        var clock = (FakeTimeProvider)Host.Services.GetRequiredService<TimeProvider>();
        clock.Advance(TimeSpan.FromDays(29));
        await retention.SweepAsync(CancellationToken.None);
        Assert.Contains("kvar.for.kort@example.com", StoredText(), StringComparison.Ordinal);
        Assert.Contains("Tillfälliga vägen 3", StoredText(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(2));
        // The daily sweep may already be running on the moved clock; this one makes sure, and the reclaim after
        // both leaves nothing of the deleted rows in the file or its write-ahead log.
        await retention.SweepAsync(CancellationToken.None);
        await Host.Services.GetRequiredService<SandboxDatabase>().ReclaimAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await Host.LookupAsync("ILU2M3N4P5Q6", Demo)).Status);
        var files = StoredText();
        Assert.DoesNotContain("kvar.for.kort@example.com", files, StringComparison.Ordinal);
        Assert.DoesNotContain("Tillfälliga vägen 3", files, StringComparison.Ordinal);
        Assert.Contains(Demo, files, StringComparison.Ordinal);
    }

    /// <summary>The sandbox's files as bytes read as text: the database, its WAL and shared memory.</summary>
    private string StoredText() => string.Concat(Directory.GetFiles(Path.GetDirectoryName(Host.DatabasePath)!)
        .Select(file => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file))));
}
