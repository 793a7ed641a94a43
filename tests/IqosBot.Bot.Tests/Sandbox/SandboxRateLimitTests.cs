namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>Past its per-minute allowance a key gets 429 rate-limited with Retry-After, as from the real CRM.</summary>
public sealed class SandboxRateLimitTests : IDisposable
{
    private readonly SandboxFolder _folder = new();

    [Fact]
    public async Task The_request_past_the_limit_is_429_rate_limited_with_retry_after_across_endpoints()
    {
        await using var host = await SandboxHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Benefits:Sandbox:RequestsPerMinute"] = "2" });

        var first = await host.LookupAsync("ILU2M3N4P5Q6", "demo@example.com");
        var second = await host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "limit@example.com", "2025-06-01"));
        var third = await host.LookupAsync("ILU2M3N4P5Q6", "demo@example.com");
        var unauthenticated = await host.PostAsync("v1/coverage/lookup", "{}", apiKey: "wrong");

        Assert.Equal(200, (int)first.Status);
        Assert.Equal(201, (int)second.Status);
        Assert.Equal(429, (int)third.Status);
        Assert.Equal("application/problem+json", third.MediaType);
        Assert.Equal("rate-limited", third.Code);
        Assert.InRange(int.Parse(third.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        // The key is checked first: a wrong key is told it is wrong, not how busy the right one is.
        Assert.Equal(401, (int)unauthenticated.Status);
    }

    public void Dispose() => _folder.Dispose();
}
