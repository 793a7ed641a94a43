using System.Net;

namespace IqosBot.Tools.Demo;

/// <summary>
/// The agent on duty while the customers play: watches the queue, accepts each waiting customer after a short random
/// wait (so queue waits vary), writes one or two helpful lines, and closes with a note, which makes the bot ask the
/// customer for a rating. Cases are handled side by side, as an agent with several chats open would. The agent does
/// not know which played customer a case is: like a real one, it serves the queue.
/// </summary>
internal sealed class AgentShift(AgentConsoleClient console, DemoTally tally, TextWriter log, int seed)
{
    private static readonly TimeSpan QueuePoll = TimeSpan.FromMilliseconds(400);

    /// <summary>After the customers are done, how long cases still being handled may take to finish.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<Task> _handling = [];
    private int _cases;

    /// <summary>Serves the queue until <paramref name="stop"/>, then lets the open cases finish (up to <see cref="Drain"/>).</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var problems = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var (waiting, mine) = await console.QueueAsync(abort).ConfigureAwait(false);

                // Own active cases from an earlier, interrupted run are closed too, or they would stay open forever.
                foreach (var item in waiting.Concat(mine).Where(item => _seen.Add(item.Id)))
                {
                    var random = new Random(unchecked((seed * 7919) + ++_cases));
                    var accepted = mine.Contains(item);
                    _handling.Add(HandleAsync(item, accepted, random, abort));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                if (++problems <= 3)
                {
                    await log.WriteLineAsync($"agent: reading the queue failed ({Describe(exception)})").ConfigureAwait(false);
                }
            }

            try
            {
                await Task.Delay(QueuePoll, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        var all = Task.WhenAll(_handling);
        if (await Task.WhenAny(all, Task.Delay(Drain, abort)).ConfigureAwait(false) != all)
        {
            await log.WriteLineAsync($"agent: {_handling.Count(task => !task.IsCompleted)} case(s) still open at the end").ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(AgentCase item, bool alreadyMine, Random random, CancellationToken abort)
    {
        try
        {
            var sv = item.Language != "en";
            if (!alreadyMine)
            {
                // Finishing what they were doing before picking up the next customer: 0–3 s.
                await Task.Delay(random.Next(0, 3000), abort).ConfigureAwait(false);
                var accepted = await console.AcceptAsync(item.Id, abort).ConfigureAwait(false);
                if (accepted != HttpStatusCode.OK)
                {
                    // 409: the customer left the queue first, or another agent took it. Not a failure of the run.
                    tally.Outcome(accepted == HttpStatusCode.Conflict ? "agent: customer left before accept" : $"agent: accept refused ({(int)accepted})");
                    return;
                }

                tally.Accepted();
                foreach (var line in AgentLines.Answer(item, sv, random))
                {
                    await console.TypingAsync(item.Id, abort).ConfigureAwait(false);
                    await Task.Delay(random.Next(800, 2500), abort).ConfigureAwait(false);
                    if (await console.SendAsync(item.Id, line, abort).ConfigureAwait(false) != HttpStatusCode.Accepted)
                    {
                        // The customer ended the chat meanwhile (409): nothing left to close.
                        tally.Outcome("agent: customer ended the chat");
                        return;
                    }
                }

                await Task.Delay(random.Next(500, 1500), abort).ConfigureAwait(false);
            }

            var closed = await console.CloseAsync(item.Id, AgentLines.Note(item), abort).ConfigureAwait(false);
            if (closed == HttpStatusCode.OK)
            {
                tally.Closed();
            }
            else
            {
                tally.Outcome(closed == HttpStatusCode.Conflict ? "agent: customer ended the chat" : $"agent: close refused ({(int)closed})");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            await log.WriteLineAsync($"agent: a case failed ({Describe(exception)})").ConfigureAwait(false);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        DemoFailure failure => failure.Message,
        HttpRequestException request => $"the bot could not be reached ({request.HttpRequestError})",
        OperationCanceledException => "timed out",
        _ => $"unexpected {exception.GetType().Name}",
    };
}
