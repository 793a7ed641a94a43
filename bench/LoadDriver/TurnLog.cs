namespace IqosBot.Bench.LoadDriver;

/// <summary>The outcomes of one conversation's turns. One per conversation, so no locking; merged at the end.</summary>
public sealed class TurnLog
{
    public List<double> OkLatenciesMs { get; } = [];
    public int Turns { get; private set; }
    public int NoReply { get; private set; }
    public int Errors { get; private set; }

    /// <summary>How often each kind of failure happened, so a report can say why turns failed.</summary>
    public Dictionary<string, int> Problems { get; } = new(StringComparer.Ordinal);

    public void Add(TurnOutcome outcome)
    {
        Turns++;
        switch (outcome.Status)
        {
            case TurnStatus.Ok: OkLatenciesMs.Add(outcome.LatencyMs); break;
            case TurnStatus.NoReply: NoReply++; break;
            default: Errors++; break;
        }
        if (outcome.Problem is { } problem)
            Problems[problem] = Problems.GetValueOrDefault(problem) + 1;
    }

    public static TurnLog Merge(IEnumerable<TurnLog> logs)
    {
        var all = new TurnLog();
        foreach (var log in logs)
        {
            all.OkLatenciesMs.AddRange(log.OkLatenciesMs);
            all.Turns += log.Turns;
            all.NoReply += log.NoReply;
            all.Errors += log.Errors;
            foreach (var (problem, count) in log.Problems)
                all.Problems[problem] = all.Problems.GetValueOrDefault(problem) + count;
        }
        return all;
    }
}
