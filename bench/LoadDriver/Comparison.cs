namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// 'compare': one scenario's results of the baseline and the candidate side by side, with ratios that
/// all read the same way (above 1 = the candidate costs more) and the candidate's targets as PASS/MISS.
/// </summary>
public static class Comparison
{
    private enum RatioKind { CandidateOverBaseline, BaselineOverCandidate, None }

    private sealed record Row(string Name, Func<RunResult, double?> Value, string Format,
        RatioKind Ratio = RatioKind.CandidateOverBaseline, double? Target = null);

    public static int Run(IReadOnlyList<string> args)
    {
        string? baselinePath = null, candidatePath = null, title = null;
        var candidateLabel = "candidate";
        double? targetCpuUs = null, targetP99Ms = null, targetCpuRatio = null;
        foreach (var (name, value) in Options.Pairs(args))
        {
            switch (name)
            {
                case "baseline": baselinePath = value; break;
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
        if (baselinePath is null || candidatePath is null)
            throw new ArgumentException("compare needs --baseline FILE and --candidate FILE");

        var baseline = RunResult.Load(baselinePath);
        // A candidate that did not build, start or finish has no file: its column says so instead.
        var candidate = File.Exists(candidatePath) ? RunResult.Load(candidatePath) : null;
        if (targetCpuRatio is { } ratio && baseline.BotCpuUsPerTurn is { } baselineCpu)
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

        // A deployment with services of its own (PostgreSQL, Redis, nginx) is compared on what a turn costs all of it too.
        if (baseline.ServiceCpuUsPerTurn is not null || candidate?.ServiceCpuUsPerTurn is not null)
        {
            var bot = Array.FindIndex(rows, row => row.Name == "bot CPU µs/turn");
            rows = [.. rows[..(bot + 1)],
                new("services CPU µs/turn", r => r.ServiceCpuUsPerTurn, "F0", RatioKind.None),
                new("bot+services CPU µs/turn", r => r.TotalCpuUsPerTurn, "F0"),
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
        Console.WriteLine(title ?? baseline.Scenario);
        Console.WriteLine($"  {baseline.Conversations} conversations at a time × {baseline.TurnsPerConversation} turns, {baseline.Rounds} rounds, think {baseline.ThinkMs} ms; after {baseline.WarmupTurns} warm-up turns");
        Console.WriteLine($"  {"",-24}{baseline.Label,10}{label,10}{"ratio",9}   target");
        foreach (var row in rows)
        {
            var b = row.Value(baseline);
            var c = candidate is null ? null : row.Value(candidate);
            var line = $"  {row.Name,-24}{Show(b, row.Format),10}{Show(c, row.Format),10}{Ratio(row.Ratio, b, c),9}";
            if (row.Target is { } target)
                line += $"   {"≤ " + target + (targetCpuRatio is { } r && row.Name == "bot CPU µs/turn" ? $" ({r}×) " : ""),-7}{Verdict(candidate, c, target)}";
            Console.WriteLine(line.TrimEnd());
        }
        Console.WriteLine(candidate is null
            ? $"  {label}: no result (it did not build, start or finish; see above)"
            : $"  ratio: {label} ÷ {baseline.Label}, for turns/s {baseline.Label} ÷ {label}; above 1 means {label} costs more");
        if (baseline.OtherCores > RunResult.DisturbedCores || candidate?.OtherCores > RunResult.DisturbedCores)
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
