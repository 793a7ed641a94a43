namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>The claims operations are in deployment/benefits-api/openapi.yaml with the codes the sandbox and client use.</summary>
public sealed class ClaimsContractFileTests
{
    private static readonly string Contract = File.ReadAllText(Path.Combine(RepositoryRoot(), "deployment", "benefits-api", "openapi.yaml"));

    [Theory]
    [InlineData("  /v1/claims/eligibility:\n    post:")]
    [InlineData("  /v1/claims:\n    post:")]
    [InlineData("enum: [warranty-replacement, accidental-damage]")]
    [InlineData("enum: [none, dropped, liquid, cracked, other]")]
    [InlineData("enum: [not-registered, warranty-expired, accidental-cover-expired, accidental-claim-used, damage-excluded]")]
    [InlineData("            - not-eligible\n")]
    public void It_describes_the_claims_operations(string text) => Assert.Contains(text, Contract, StringComparison.Ordinal);

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
