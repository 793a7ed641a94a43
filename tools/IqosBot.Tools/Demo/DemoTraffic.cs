using System.Diagnostics;
using System.Net;

namespace IqosBot.Tools.Demo;

/// <summary>
/// Plays realistic customer conversations against a running bot, so that a fresh install has conversations,
/// intents, FAQ feedback, registrations, claims, handoffs, queue waits, ratings and unanswered questions to show.
/// Customers talk over the bot's own Direct Line as the website's Web Chat does; an agent signed in to the agent
/// console serves the queue. The log gets counts and conversation numbers only, never what a customer wrote.
/// </summary>
/// <remarks>
/// The bot limits requests per client address and the demo is one address playing hundreds of customers: start the
/// bot with <c>--RateLimits:Enabled=false</c>. With the limits on, the player waits out every 429 as Retry-After
/// says, so nothing is lost, but a run of 300 takes about half an hour instead of minutes.
/// </remarks>
public static class DemoTraffic
{
    /// <summary>A conversation longer than this has hung somewhere; it is ended and counted as failed.</summary>
    private static readonly TimeSpan ConversationBudget = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Plays <see cref="DemoTrafficOptions.Conversations"/> conversations and returns what happened; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static async Task<DemoTrafficSummary> RunAsync(DemoTrafficOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Conversations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallel, 1);
        log = TextWriter.Synchronized(log);
        var tally = new DemoTally();
        var clock = Stopwatch.StartNew();
        var botUrl = new Uri(options.BotUrl.AbsoluteUri.TrimEnd('/') + "/");

        using var customersClient = new HttpClient { BaseAddress = botUrl, Timeout = RequestTimeout };
        var customers = new PatientHttp(customersClient, tally, log);

        // The agent keeps cookies (sign-in, antiforgery) and sees the sign-in's 302 instead of following it.
        using var agentHandler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        using var agentClient = new HttpClient(agentHandler) { BaseAddress = botUrl, Timeout = RequestTimeout };
        var agentOnDuty = await SignInAsync(options, new AgentConsoleClient(new PatientHttp(agentClient, tally, log)), log, cancellationToken).ConfigureAwait(false);

        await log.WriteLineAsync($"Playing {options.Conversations} conversations against {botUrl}, {options.Parallel} at a time (seed {options.Seed}); "
                                 + (agentOnDuty is null ? "no agent on duty." : $"agent {options.AgentUserName} on duty.")).ConfigureAwait(false);

        using var endOfShift = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shift = agentOnDuty is null
            ? Task.CompletedTask
            : new AgentShift(agentOnDuty, tally, log, options.Seed).RunAsync(endOfShift.Token, cancellationToken);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(1, options.Conversations), parallel, async (number, token) =>
                await PlayAsync(number, options, customers, agentOnDuty is not null, tally, log, token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            await endOfShift.CancelAsync().ConfigureAwait(false);
            await shift.ConfigureAwait(false);
        }

        var summary = tally.Summary(clock.Elapsed);
        await log.WriteAsync(summary.Format()).ConfigureAwait(false);
        return summary;
    }

    /// <summary>The agent console client signed in, or null (with the reason in the log) when there is no agent to play.</summary>
    private static async Task<AgentConsoleClient?> SignInAsync(DemoTrafficOptions options, AgentConsoleClient console, TextWriter log, CancellationToken cancellationToken)
    {
        if (options.AgentUserName is not { Length: > 0 } userName)
        {
            return null;
        }

        try
        {
            await console.SignInAsync(userName, options.AgentPassword ?? string.Empty, cancellationToken).ConfigureAwait(false);
            return console;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync($"No agent on duty: {Describe(exception)}. Queued customers will leave the queue.").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>One customer from the token to their last message; a failure is counted and logged by number and step, never by content.</summary>
    private static async Task PlayAsync(int number, DemoTrafficOptions options, PatientHttp http, bool agentOnDuty, DemoTally tally, TextWriter log, CancellationToken cancellationToken)
    {
        // Seeded by the run's seed and the customer's number only, so a customer says the same whatever the parallelism.
        var random = new Random(unchecked((options.Seed * 1_000_003) + number));
        var (journey, play) = JourneyCatalog.Pick(random);
        var swedish = random.Next(100) < 60;
        var locale = JourneyCatalog.Locale(swedish, random);
        tally.Journey(journey);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ConversationBudget);
        try
        {
            var chat = await DirectLineSession.StartAsync(http, options.DirectLineSecret, locale, budget.Token).ConfigureAwait(false);
            var customer = new DemoCustomer(number, swedish, random, chat, options, agentOnDuty, tally, budget.Token);
            await customer.WelcomedAsync().ConfigureAwait(false);
            await play(customer).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong ends this customer only; the log names the step or the exception's type, never its message.
            var failures = tally.Failed();
            if (failures <= 50)
            {
                await log.WriteLineAsync($"conversation {number} ({journey}): {Describe(exception)}").ConfigureAwait(false);
            }
        }
        finally
        {
            var played = tally.ConversationPlayed();
            if (played % Math.Max(10, options.Conversations / 10) == 0)
            {
                await log.WriteLineAsync($"{played}/{options.Conversations} played, {tally.FailuresSoFar} failed").ConfigureAwait(false);
            }
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
