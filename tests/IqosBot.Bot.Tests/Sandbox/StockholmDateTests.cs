namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>"Today" is the date in Stockholm, not in UTC: 22:30 UTC on 14 June is already 15 June there.</summary>
public sealed class StockholmDateTests : SandboxTest
{
    private static readonly DateTimeOffset LateEveningUtc = new(2025, 6, 14, 22, 30, 0, TimeSpan.Zero);

    protected override DateTimeOffset Now => LateEveningUtc;

    [Fact]
    public async Task A_purchase_made_today_in_Stockholm_is_accepted_while_UTC_is_still_on_yesterday()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "night.owl@example.com", "2025-06-15"));

        Assert.Equal(201, (int)reply.Status);
        Assert.Equal("2025-06-15", reply.Date("registrationDate"));
    }

    [Fact]
    public async Task The_next_Stockholm_day_is_in_the_future()
    {
        var reply = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "night.owl@example.com", "2025-06-16"));

        AssertProblem(reply, 422, "invalid-purchase-date");
    }

    [Fact]
    public async Task The_demo_is_seeded_relative_to_the_Stockholm_day()
    {
        var reply = await Host.LookupAsync("ILU2M3N4P5Q6", Demo);

        Assert.Equal("2024-11-15", reply.Date("purchaseDate"));
    }
}
