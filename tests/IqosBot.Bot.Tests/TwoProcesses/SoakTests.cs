namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// The soak: 200 Web Chat customers of 20 turns each over Direct Line (50 at a time), every request of each
/// sent to either of two bot processes at random, and one process killed (SIGKILL) half-way and started again;
/// customers retry against the other instance what the dead one refused, and now and then write two lines at once
/// (the second posted, maybe to the other instance, before the first is answered). Every message gets its answer
/// exactly once and in order, no activity is lost or doubled in a conversation's log or on its socket, and no two turns
/// of a conversation overlap (their answers would interleave, or differ from what one undisturbed instance
/// answers).
/// </summary>
[Collection(TwoProcessCollection.Name)]
public sealed class SoakTests(TwoProcessServers servers)
{
    private const int Conversations = 200;
    private const int Turns = 20;

    /// <summary>
    /// Customers in a conversation at the same time; the next one starts when one is done. More than the machine
    /// can answer only measures queueing: every waiting turn holds a database connection (the conversation's
    /// advisory lock), and past the pool's 100 a turn fails after 15 s instead of waiting longer.
    /// </summary>
    private const int AtOnce = 50;

    /// <summary>FAQ questions the bot answers with a card and "did this help?", never the same card twice in a row.</summary>
    private static readonly string[] Questions =
    [
        "hur kontaktar jag kundtjänst",
        "får jag rabatt på tillbehör",
        "behöver jag ett konto för att handla på iqos.com",
        "vad gör en iqos expert?",
        "vad får jag om jag prenumererar på nyhetsbrevet",
    ];

    private const string LastReply = "Hjälpte det här?";

    private static readonly string[] Script = [.. Enumerable.Range(0, Turns).Select(turn => Questions[turn % Questions.Length])];

    [Fact]
    public async Task Two_hundred_conversations_over_two_instances_with_one_killed_and_restarted_half_way_get_every_answer_once_and_in_order()
    {
        await using var cluster = await servers.StartClusterAsync();
        await cluster.ExplainFailuresAsync(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            using var a = TwoBotCluster.Client(cluster.A.BaseAddress);
            using var b = TwoBotCluster.Client(cluster.B.BaseAddress);

            // What one instance answers this script when nothing else happens: what every customer must get.
            var verdict = new SoakVerdict(await new SoakCustomer([a], number: -1).RunAsync(Script, LastReply, () => { }, timeout.Token));

            var answered = 0;
            var killedAt = DateTime.MinValue;
            var backAt = DateTime.MinValue;
            Task? killedAndRestarted = null;
            void Answered()
            {
                if (Interlocked.Increment(ref answered) == Conversations * Turns / 2)
                {
                    killedAndRestarted = Task.Run(async () =>
                    {
                        killedAt = DateTime.UtcNow;
                        await cluster.B.KillAsync();
                        await cluster.B.StartAsync();
                        backAt = DateTime.UtcNow;
                    });
                }
            }

            using var slots = new SemaphoreSlim(AtOnce);
            var runs = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(number => Task.Run(async () =>
            {
                await slots.WaitAsync(timeout.Token);
                try
                {
                    return await new SoakCustomer([a, b], number).RunAsync(Script, LastReply, Answered, timeout.Token);
                }
                finally
                {
                    slots.Release();
                }
            })));

            if (killedAndRestarted is not null)
            {
                await killedAndRestarted;
            }

            var problems = runs.SelectMany(verdict.Problems).ToList();
            var summary = $"{problems.Count} problems in {runs.Count(run => verdict.Problems(run).Any())} of {Conversations} conversations, "
                + $"{answered} of {Conversations * Turns} messages answered ({runs.Sum(run => run.FailedOver)} requests failed over, "
                + $"{runs.Sum(run => run.Reconnects)} socket reconnects; A is {cluster.A.BaseAddress.Authority}, B is {cluster.B.BaseAddress.Authority}, "
                + $"B killed at {killedAt:HH:mm:ss.fff} and ready again at {backAt:HH:mm:ss.fff}); the first:"
                + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(25));
            Assert.True(killedAndRestarted is not null, "The customers stopped before half their messages were answered, so nothing was killed. " + summary);
            Assert.True(problems.Count == 0, summary);

            // The kill was felt: requests the dead instance refused went to the other one.
            Assert.True(runs.Sum(run => run.FailedOver) > 0, "No request was refused: the kill happened after the customers were done.");
        });
    }
}
