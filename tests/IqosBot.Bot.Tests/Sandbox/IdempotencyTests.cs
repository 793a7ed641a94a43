namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>Idempotency-Key on POST /v1/registrations: a retry gets the first answer and registers nothing twice.</summary>
public sealed class IdempotencyTests : SandboxTest
{
    private static readonly object Body = SandboxHost.Registration("ILP1A2B3C4D5", "retry@example.com", "2025-06-01");

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_stored_first_response_and_registers_once()
    {
        var first = await Host.RegisterAsync(Body, "key-1");
        var retry = await Host.RegisterAsync(Body, "key-1");

        Assert.Equal(201, (int)first.Status);
        Assert.Equal(201, (int)retry.Status);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("application/json", retry.MediaType);
        Assert.False(first.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"]);
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
        Assert.Equal(1, SandboxDb.Accounts(Host.DatabasePath, "retry@example.com"));
        Assert.Equal(1, SandboxDb.Count(Host.DatabasePath, "idempotency_keys"));
    }

    [Fact]
    public async Task A_new_key_for_the_same_body_is_a_new_request_and_finds_the_device_already_registered()
    {
        await Host.RegisterAsync(Body, "key-1");

        var again = await Host.RegisterAsync(Body, "key-2");

        Assert.Equal(200, (int)again.Status);
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Fact]
    public async Task The_same_registration_spelled_differently_is_the_same_body()
    {
        var first = await Host.RegisterAsync(Body, "key-1");

        var retry = await Host.RegisterAsync(SandboxHost.Registration("ilp1-a2b3-c4d5", " Retry@Example.com", "2025-06-01"), "key-1");

        Assert.Equal(201, (int)retry.Status);
        Assert.Equal(first.Body, retry.Body);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_idempotency_key_reused_and_changes_nothing()
    {
        await Host.RegisterAsync(Body, "key-1");

        var reused = await Host.RegisterAsync(SandboxHost.Registration("ILO7G6H5J4K3", "retry@example.com", "2025-06-01"), "key-1");
        var sameDeviceOtherDate = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "retry@example.com", "2025-06-02"), "key-1");

        AssertProblem(reused, 422, "idempotency-key-reused");
        AssertProblem(sameDeviceOtherDate, 422, "idempotency-key-reused");
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILO7G6H5J4K3"));
        Assert.Equal("notRegistered", (await Host.LookupAsync("ILO7G6H5J4K3", "retry@example.com")).Json.GetProperty("status").GetString());
        Assert.Equal("2025-06-01", (await Host.LookupAsync("ILP1A2B3C4D5", "retry@example.com")).Date("purchaseDate"));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_key_all_get_the_same_response_and_register_once()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Host.RegisterAsync(Body, "key-concurrent")));

        Assert.All(replies, reply => Assert.Equal(201, (int)reply.Status));
        Assert.Single(replies.Select(reply => reply.Body).Distinct());
        Assert.Equal(7, replies.Count(reply => reply.Headers.ContainsKey("Idempotent-Replayed")));
        Assert.Equal(1, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
        Assert.Equal(1, SandboxDb.Accounts(Host.DatabasePath, "retry@example.com"));
    }

    [Fact]
    public async Task The_already_registered_answer_is_replayed_too()
    {
        var body = SandboxHost.Registration("ILU2M3N4P5Q6", Demo, "2024-11-15");
        var first = await Host.RegisterAsync(body, "key-1");
        var retry = await Host.RegisterAsync(body, "key-1");

        Assert.Equal(200, (int)first.Status);
        Assert.Equal(200, (int)retry.Status);
        Assert.Equal(first.Body, retry.Body);
    }

    [Fact]
    public async Task An_error_is_not_stored_so_the_key_can_be_used_once_the_request_is_fixed()
    {
        var refused = await Host.RegisterAsync(SandboxHost.Registration("ILP1A2B3C4D5", "retry@example.com", "2030-01-01"), "key-1");

        var fixedUp = await Host.RegisterAsync(Body, "key-1");

        AssertProblem(refused, 422, "invalid-purchase-date");
        Assert.Equal(201, (int)fixedUp.Status);
    }
}
