using System.Diagnostics;

namespace IqosBot.Bench.LoadDriver;

/// <summary>
/// Runs the conversations: each one sends, awaits the reply, thinks, sends the next, like a customer.
/// --conversations slots run concurrently; when a slot's conversation ends, a new customer takes the
/// slot, --rounds times. A warm-up first (unmeasured, so that JIT and first-use costs stay out of the
/// numbers), then the measured conversations between two readings of the bot's CPU time.
/// </summary>
public sealed class LoadRun(Options options, TurnClient client, CustomerScript script, BotProcess? bot, BotProcess? services = null, DirectLineTurnClient? directLine = null)
{
    /// <summary>Polls until the bot gives any HTTP answer, the bot process exits, or the wait runs out.</summary>
    public async Task<bool> WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            if (bot is { IsAlive: false })
            {
                Console.Error.WriteLine($"the bot process {bot.Pid} exited before it answered");
                return false;
            }
            var outcome = await client.SendAsync(script.Activity("probe", 0, attempt, "hej"), cancellationToken);
            if (outcome.HttpStatus is not null)
            {
                if (outcome.Status != TurnStatus.Ok)
                    Console.Error.WriteLine($"warning: the bot's first answer was {outcome.Problem}");
                return true;
            }
            if (waited.Elapsed.TotalSeconds >= options.WaitSeconds)
            {
                Console.Error.WriteLine($"the bot did not answer at {options.Url} within {options.WaitSeconds} s ({outcome.Problem})");
                return false;
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var warmup = await WarmUpAsync(cancellationToken);

        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var botTicksBefore = bot?.CpuTicks();
        var serviceTicksBefore = services?.CpuTicks();
        var machineTicksBefore = MachineCpu.BusyTicks();
        var start = Stopwatch.GetTimestamp();

        var measured = await RunConversationsAsync("c", options.Conversations * options.Rounds, options.ThinkMs, cancellationToken);

        var wall = Stopwatch.GetElapsedTime(start);
        var botTicks = bot?.CpuTicks() - botTicksBefore;
        var serviceTicks = services?.CpuTicks() - serviceTicksBefore;
        var machineTicks = MachineCpu.BusyTicks() - machineTicksBefore;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore;
        // Direct Line: the measured phase's CPU includes its conversations' starts; what one costs is measured next.
        var starts = directLine is not null && bot is not null ? await DirectLineStarts.MeasureAsync(directLine, options, bot, cancellationToken) : null;
        return RunResult.From(options, warmup, measured, wall, botTicks, machineTicks, bot?.PeakResidentKiB(), driverCpu, serviceTicks, starts);
    }

    /// <summary>
    /// The warm-up has conversations of its own, so the measured ones start fresh as real customers do, and none
    /// grows to an unrealistic length because the warm-up needs many turns. It runs flat out whatever the think
    /// time, until both --warmup-turns turns and --warmup-seconds have passed: it is there to get the JIT done, and
    /// .NET's tiered JIT works for a time (its background recompilation of hot code), not for a number of turns.
    /// </summary>
    private async Task<TurnLog> WarmUpAsync(CancellationToken cancellationToken)
    {
        var atLeast = (options.WarmupTurns + options.Turns - 1) / options.Turns;
        var until = Stopwatch.GetTimestamp() + options.WarmupSeconds * Stopwatch.Frequency;
        var started = -1;
        var logs = Enumerable.Range(0, options.Conversations).Select(_ => new TurnLog()).ToArray();
        await Task.WhenAll(logs.Select(async log =>
        {
            for (var conversation = Interlocked.Increment(ref started);
                 conversation < atLeast || Stopwatch.GetTimestamp() < until;
                 conversation = Interlocked.Increment(ref started))
                await ConverseAsync("warm", conversation, thinkMs: 0, log, cancellationToken);
        }));
        return TurnLog.Merge(logs);
    }

    /// <summary>Runs <paramref name="count"/> conversations, --conversations of them at any one time.</summary>
    private async Task<TurnLog> RunConversationsAsync(string phase, int count, int thinkMs, CancellationToken cancellationToken)
    {
        // One log per slot: a slot runs one conversation at a time, so no locking.
        var logs = Enumerable.Range(0, options.Conversations).Select(_ => new TurnLog()).ToArray();
        await Task.WhenAll(logs.Select(async (log, slot) =>
        {
            for (var conversation = slot; conversation < count; conversation += options.Conversations)
                await ConverseAsync(phase, conversation, thinkMs, log, cancellationToken);
        }));
        return TurnLog.Merge(logs);
    }

    private async Task ConverseAsync(string phase, int conversation, int thinkMs, TurnLog log, CancellationToken cancellationToken)
    {
        // Seeded per conversation: the same options give the same pattern of pauses every run.
        var random = new Random(conversation);
        // Real customers do not arrive in lockstep: spread the first messages over one think time.
        if (thinkMs > 0)
            await Task.Delay(random.Next(thinkMs), cancellationToken);
        // Direct Line: the customer opens the chat (token, conversation, socket, welcome) and closes it after the last turn.
        await using var customer = directLine is null ? null
            : await directLine.StartAsync(script.ConversationId(phase, conversation), CustomerScript.Locale(conversation), cancellationToken);
        for (var turn = 0; turn < options.Turns; turn++)
        {
            if (turn > 0 && thinkMs > 0)
                await Task.Delay(Think(random, thinkMs), cancellationToken);
            var text = script.Text(conversation, turn);
            var outcome = customer is null
                ? await client.SendAsync(script.Activity(phase, conversation, turn, text), cancellationToken)
                : await customer.SendAsync(text, cancellationToken);
            // Which message went unanswered is what a bot developer needs to find the cause.
            log.Add(outcome.Status == TurnStatus.NoReply ? outcome with { Problem = $"{outcome.Problem}, to \"{text}\"" } : outcome);
        }
    }

    /// <summary>Uniform between half and one and a half think times: the mean is --think-ms, without lockstep.</summary>
    private static int Think(Random random, int thinkMs) => thinkMs / 2 + random.Next(thinkMs + 1);
}
