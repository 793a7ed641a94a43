namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// 'compare': one scenario's results of one or more baselines and the candidate side by side, with ratios that
/// all read the same way (above 1 = the candidate costs more), one per baseline, and the candidate's targets
/// as PASS/MISS. bench/run.sh compares IqosBot with the bare C# SDK bot and the JavaScript SDK bot this way.
/// </summary>
public static class Comparison
{
    private enum RatioKind { CandidateOverBaseline, BaselineOverCandidate, None }

    private sealed record Row(string Name, Func<RunResult, double?> Value, string Format,
        RatioKind Ratio = RatioKind.CandidateOverBaseline, double? Target = null);

    public static int Run(IReadOnlyList<string> args)
    {
        var baselinePaths = new List<string>();
        string? candidatePath = null, title = null;
        var candidateLabel = "candidate";
        double? targetCpuUs = null, targetP99Ms = null, targetCpuRatio = null;
        foreach (var (name, value) in Options.Pairs(args))
        {
            switch (name)
            {
                // Given more than once, each baseline gets a column and a ratio of its own, in the order given.
                case "baseline": baselinePaths.Add(value); break;
                case "candidate": candidatePath = value; break;
                case "candidate-label": candidateLabel = value; break;
                case "title": title = value; break;
                case "target-cpu-us": targetCpuUs = Options.PositiveNumber(name, value); break;
                case "target-p99-ms": targetP99Ms = Options.PositiveNumber(name, value); break;
                // The candidate's CPU per turn within R times the baseline's (Direct Line beside /api/messages).
                case "target-cpu-ratio": targetCpuRatio = Options.PositiveNumber(name, value); break;
                default: throw new ArgumentException($"unknown compare option --{name}");
            }
        }
        if (baselinePaths.Count == 0 || candidatePath is null)
            throw new ArgumentException("compare needs --baseline FILE (one or more) and --candidate FILE");

        var baselines = baselinePaths.Select(RunResult.Load).ToList();
        var baseline = baselines[0];
        // A candidate that did not build, start or finish has no file: its column says so instead.
        var candidate = File.Exists(candidatePath) ? RunResult.Load(candidatePath) : null;
        // Against what a turn costs the baseline's whole deployment (its bot alone when it has no services).
        if (targetCpuRatio is { } ratio && baseline.TotalCpuUsPerTurn is { } baselineCpu)
            targetCpuUs = Math.Round(ratio * baselineCpu);

        Row[] rows =
        [
            new("turns/s", r => r.TurnsPerSecond, "F1", RatioKind.BaselineOverCandidate),
            new("latency p50 ms", r => r.P50Ms, "F2"),
            new("latency p95 ms", r => r.P95Ms, "F2"),
            new("latency p99 ms", r => r.P99Ms, "F2", Target: targetP99Ms),
            new("latency max ms", r => r.MaxMs, "F2"),
            new("bot CPU µs/turn", r => r.BotCpuUsPerTurn, "F0", Target: targetCpuUs),
            new("bot peak RSS MiB", r => r.BotPeakRssMiB, "F1"),
            new("errors", r => r.Errors, "F0", RatioKind.None),
            new("turns without a reply", r => r.NoReply, "F0", RatioKind.None),
            new("other processes, cores", r => r.OtherCores, "F2", RatioKind.None),
        ];

        // A deployment with services of its own (PostgreSQL, Redis, nginx) is compared on what a turn costs all of it too,
        // and a CPU target is then on that: the database's work is the turn's as much as the bot's.
        const string TotalRow = "bot+services CPU µs/turn";
        if (baselines.Any(b => b.ServiceCpuUsPerTurn is not null) || candidate?.ServiceCpuUsPerTurn is not null)
        {
            var bot = Array.FindIndex(rows, row => row.Name == "bot CPU µs/turn");
            rows = [.. rows[..bot], rows[bot] with { Target = null },
                new("services CPU µs/turn", r => r.ServiceCpuUsPerTurn, "F0", RatioKind.None),
                new(TotalRow, r => r.TotalCpuUsPerTurn, "F0", Target: targetCpuUs),
                .. rows[(bot + 1)..]];
        }

        // Direct Line's conversation starts: their cost apart, and the turns without them.
        if (baseline.StartCost is not null || candidate?.StartCost is not null)
        {
            var bot = Array.FindIndex(rows, row => row.Name == "bot CPU µs/turn");
            rows = [.. rows[..(bot + 1)],
                new("  turns alone µs/turn", r => r.TurnOnlyCpuUsPerTurn, "F0"),
                new("conversation start µs", r => r.StartCpuUs, "F0", RatioKind.None),
                .. rows[(bot + 1)..]];
        }

        var label = candidate?.Label ?? candidateLabel;
        // One baseline: the ratio column is "ratio", as it always was; several: "÷ label" for each.
        List<string> ratioHeaders = baselines.Count == 1 ? ["ratio"] : [.. baselines.Select(b => "÷ " + b.Label)];
        var ratioWidth = baselines.Count == 1 ? 9 : 11;
        Console.WriteLine(title ?? baseline.Scenario);
        Console.WriteLine($"  {baseline.Conversations} conversations at a time × {baseline.TurnsPerConversation} turns, {baseline.Rounds} rounds, think {baseline.ThinkMs} ms, script {baseline.Script}; after {baseline.WarmupTurns} warm-up turns over at least {baseline.WarmupSeconds} s");
        Console.WriteLine($"  {"",-24}{string.Concat(baselines.Select(b => $"{b.Label,10}"))}{label,10}{string.Concat(ratioHeaders.Select(h => h.PadLeft(ratioWidth)))}   target");
        foreach (var row in rows)
        {
            var c = candidate is null ? null : row.Value(candidate);
            var line = $"  {row.Name,-24}{string.Concat(baselines.Select(b => $"{Show(row.Value(b), row.Format),10}"))}{Show(c, row.Format),10}"
                       + string.Concat(baselines.Select(b => Ratio(row.Ratio, row.Value(b), c).PadLeft(ratioWidth)));
            if (row.Target is { } target)
                line += $"   {"≤ " + target + (targetCpuRatio is { } r && row.Name is "bot CPU µs/turn" or TotalRow ? $" ({r}×) " : ""),-7}{Verdict(candidate, c, target)}";
            Console.WriteLine(line.TrimEnd());
        }
        var others = string.Join(", ", baselines.Select(b => b.Label));
        Console.WriteLine(candidate is null
            ? $"  {label}: no result (it did not build, start or finish; see above)"
            : baselines.Count == 1
                ? $"  ratio: {label} ÷ {baseline.Label}, for turns/s {baseline.Label} ÷ {label}; above 1 means {label} costs more"
                : $"  ratios: {label} ÷ each of {others}, for turns/s each ÷ {label}; above 1 means {label} costs more");
        if (baselines.Any(b => b.OtherCores > RunResult.DisturbedCores) || candidate?.OtherCores > RunResult.DisturbedCores)
            Console.WriteLine("  warning: other processes competed for the CPU: CPU µs/turn holds up best; rerun on a quiet machine for latency and turns/s");
        return 0;
    }

    private static string Show(double? value, string format) => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "—";

    private static string Ratio(RatioKind kind, double? baseline, double? candidate)
    {
        if (kind == RatioKind.None || baseline is not { } b || candidate is not { } c)
            return "";
        var (numerator, denominator) = kind == RatioKind.BaselineOverCandidate ? (b, c) : (c, b);
        return denominator > 0 ? $"{numerator / denominator:F2}×" : "";
    }

    /// <summary>A number within target only passes when every measured turn was answered: fast failures are not speed.</summary>
    private static string Verdict(RunResult? candidate, double? value, double target) => (candidate, value) switch
    {
        (null, _) or (_, null) => "n/a",
        ({ AllOk: false } r, _) => $"MISS ({r.MeasuredTurns - r.OkTurns} turns not answered)",
        (_, { } v) when v <= target => "PASS",
        _ => "MISS",
    };
}
