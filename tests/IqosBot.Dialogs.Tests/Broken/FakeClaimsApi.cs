using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Tests.Harness;

namespace IqosBot.Dialogs.Tests.Broken;

/// <summary>
/// The claims API in memory: every check and create is recorded as it arrived; the decision for a serial
/// is scripted by the test (unknown serials are NotFound), and either call can be made to fail.
/// </summary>
internal sealed class FakeClaimsApi : IClaimsApi
{
    public const string CaseNumber = "SE-CLM-0042";

    private readonly Dictionary<string, ClaimEligibility> _decisions = new(StringComparer.Ordinal);

    public List<ClaimCheck> Checks { get; } = [];

    public List<(ClaimRequest Request, string IdempotencyKey)> Creates { get; } = [];

    /// <summary>While set, CheckClaimAsync answers Unavailable.</summary>
    public bool CheckUnavailable { get; set; }

    /// <summary>The answers CreateClaimAsync gives, one per call; when empty, Created with <see cref="CaseNumber"/>.</summary>
    public Queue<ClaimResult> CreateResults { get; } = new();

    /// <summary>The next create is made, then the process dies before the bot replies or saves the conversation.</summary>
    public bool CrashAfterNextCreate { get; set; }

    public FakeClaimsApi Decide(string serial, ClaimDecision decision, string? model = null)
    {
        _decisions[serial] = new ClaimEligibility(decision, model);
        return this;
    }

    public Task<ClaimEligibility> CheckClaimAsync(ClaimCheck check, CancellationToken cancellationToken)
    {
        Checks.Add(check);
        if (CheckUnavailable)
        {
            return Task.FromResult(new ClaimEligibility(ClaimDecision.Unavailable));
        }

        return Task.FromResult(_decisions.TryGetValue(check.Serial, out var decision) ? decision : new ClaimEligibility(ClaimDecision.NotFound));
    }

    public Task<ClaimResult> CreateClaimAsync(ClaimRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        Creates.Add((request, idempotencyKey));
        if (CrashAfterNextCreate)
        {
            CrashAfterNextCreate = false;
            throw new SimulatedCrashException("The claim was created, then the bot died (simulated).");
        }

        return Task.FromResult(CreateResults.TryDequeue(out var result) ? result : new ClaimResult(ClaimStatus.Created, CaseNumber));
    }
}
