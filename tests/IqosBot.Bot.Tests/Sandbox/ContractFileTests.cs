using IqosBot.Sandbox.Benefits;

namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>The contract in deployment/benefits-api/openapi.yaml names what the sandbox serves, and nothing else.</summary>
public sealed class ContractFileTests
{
    private static readonly string Contract = File.ReadAllText(Path.Combine(RepositoryRoot(), "deployment", "benefits-api", "openapi.yaml"));

    [Fact]
    public void It_is_OpenAPI_3_1_served_under_the_sandbox_prefix()
    {
        Assert.StartsWith("openapi: 3.1.", Contract, StringComparison.Ordinal);
        Assert.Contains("url: http://localhost:3978" + BenefitsSandboxExtensions.RoutePrefix + "\n", Contract, StringComparison.Ordinal);
        Assert.Contains("name: X-Api-Key", Contract, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  /v1/registrations:\n    post:")]
    [InlineData("  /v1/coverage/lookup:\n    post:")]
    [InlineData("  /v1/devices/check:\n    post:")]
    public void It_describes_each_endpoint(string path) => Assert.Contains(path, Contract, StringComparison.Ordinal);

    [Fact]
    public void It_lists_exactly_the_problem_codes()
    {
        var codes = new[]
        {
            "unauthorized", "validation-failed", "unknown-serial", "registered-to-another-account",
            "invalid-purchase-date", "not-found", "idempotency-key-reused", "rate-limited",
        };
        var list = string.Concat(codes.Select(code => $"            - {code}\n"));

        Assert.Contains("          enum:\n" + list, Contract, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IqosBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("IqosBot.sln not found above " + AppContext.BaseDirectory);
    }
}
