namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>Only a caller with the configured X-Api-Key gets anything, not even a validation error.</summary>
public sealed class SandboxAuthenticationTests : SandboxTest
{
    private const string LookupBody = """{"serial":"ILU2M3N4P5Q6","email":"demo@example.com"}""";
    private const string RegistrationBody = """{"serial":"ILP1A2B3C4D5","email":"a@example.com","purchaseDate":"2025-06-01","ageConfirmed":true,"marketingConsent":false,"language":"sv"}""";

    [Theory]
    [InlineData("v1/coverage/lookup", LookupBody)]
    [InlineData("v1/registrations", RegistrationBody)]
    public async Task Without_a_key_the_answer_is_401_unauthorized(string path, string body)
    {
        var reply = await Host.PostAsync(path, body, apiKey: null, idempotencyKey: "k1");

        AssertProblem(reply, 401, "unauthorized");
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Theory]
    [InlineData("v1/coverage/lookup", LookupBody, "wrong-key")]
    [InlineData("v1/registrations", RegistrationBody, "wrong-key")]
    [InlineData("v1/coverage/lookup", LookupBody, SandboxHost.ApiKey + "x")]
    [InlineData("v1/coverage/lookup", LookupBody, "TEST-KEY-0123456789")]
    public async Task With_a_wrong_key_the_answer_is_401_unauthorized(string path, string body, string key)
    {
        var reply = await Host.PostAsync(path, body, apiKey: key, idempotencyKey: "k1");

        AssertProblem(reply, 401, "unauthorized");
        Assert.Equal(0, SandboxDb.Registrations(Host.DatabasePath, "ILP1A2B3C4D5"));
    }

    [Fact]
    public async Task The_key_is_checked_before_the_body()
    {
        var reply = await Host.PostAsync("v1/registrations", "{not json", apiKey: "wrong", idempotencyKey: null);

        AssertProblem(reply, 401, "unauthorized");
    }

    [Fact]
    public async Task With_the_right_key_the_request_is_served()
    {
        var reply = await Host.PostAsync("v1/coverage/lookup", LookupBody);

        Assert.Equal(200, (int)reply.Status);
    }

    [Fact]
    public async Task Every_answer_a_refusal_included_names_the_request()
    {
        var served = await Host.PostAsync("v1/coverage/lookup", LookupBody);
        var refused = await Host.PostAsync("v1/coverage/lookup", LookupBody, apiKey: null);

        Assert.False(string.IsNullOrEmpty(served.Headers["X-Request-Id"]));
        Assert.False(string.IsNullOrEmpty(refused.Headers["X-Request-Id"]));
        Assert.NotEqual(served.Headers["X-Request-Id"], refused.Headers["X-Request-Id"]);
    }
}
