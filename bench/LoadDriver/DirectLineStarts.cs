using System.Diagnostics;

namespace IqosBot.Bench.LoadDriver;

/// <summary>What starting a Direct Line conversation costs the bot, measured in a phase of its own.</summary>
public sealed record StartCost(int Starts, int Failed, long BotCpuTicks, double? P50Ms, double? P95Ms, string? CommonestProblem)
{
    public double BotCpuUsPerStart => BotCpuTicks * 1e6 / BotProcess.TicksPerSecond / Math.Max(Starts, 1);
}

/// <summary>
/// In the measured phase every Direct Line customer starts a conversation (token, conversation, stream socket, the
/// welcome turn) before its turns, and leaves it (closes the socket) after them; that CPU is in the bot's total and
/// cannot be told apart from the turns' while both run at once. So after the measured phase the same number of
/// conversations is started and left again, at the same concurrency, with no turns, between two readings of the
/// bot's CPU: that gives the cost of one start, and the turns' own cost is the total less the starts'.
/// </summary>
public static class DirectLineStarts
{
    public static async Task<StartCost> MeasureAsync(DirectLineTurnClient client, Options options, BotProcess bot, CancellationToken cancellationToken)
    {
        var count = options.Conversations * options.Rounds;
        var durations = new List<double>[options.Conversations];
        var problems = new List<string>[options.Conversations];
        var ticksBefore = bot.CpuTicks();
        await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(async slot =>
        {
            durations[slot] = [];
            problems[slot] = [];
            for (var conversation = slot; conversation < count; conversation += options.Conversations)
            {
                var start = Stopwatch.GetTimestamp();
                await using var customer = await client.StartAsync($"start-{conversation}", CustomerScript.Locale(conversation), cancellationToken);
                if (customer.StartProblem is { } problem)
                    problems[slot].Add(problem);
                else
                    durations[slot].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var ticks = bot.CpuTicks() - ticksBefore;
        var sorted = durations.SelectMany(d => d).Order().ToArray();
        var failed = problems.Sum(p => p.Count);
        var commonest = problems.SelectMany(p => p).GroupBy(p => p, StringComparer.Ordinal).MaxBy(g => g.Count())?.Key;
        return new StartCost(count, failed, ticks, RunResult.Percentile(sorted, 0.50), RunResult.Percentile(sorted, 0.95), commonest);
    }
}
