using System.Globalization;
using System.Text.Json.Nodes;

namespace IqosBot.Tools.Demo;

/// <summary>
/// One played customer: their number and language, their own random numbers (seeded by the run's seed and
/// their number, so the same run says the same things), and the few things a journey does with the bot: say
/// something and read the answer, press a card button, write to an agent, wait for what the bot says on its own.
/// It remembers what the bot asked last, so a journey reads <see cref="Ask"/> like a customer reads the chat.
/// </summary>
internal sealed class DemoCustomer
{
    /// <summary>After a turn with nothing recognisable in it, how long to wait for the rest (a slow benefits API call).</summary>
    private static readonly TimeSpan LateRest = TimeSpan.FromSeconds(1);

    private readonly DirectLineSession _chat;
    private readonly DemoTrafficOptions _options;
    private readonly DemoTally _tally;

    public DemoCustomer(int number, bool swedish, Random random, DirectLineSession chat, DemoTrafficOptions options, bool agentOnDuty, DemoTally tally, CancellationToken cancellationToken)
    {
        AgentOnDuty = agentOnDuty;
        Number = number;
        Swedish = swedish;
        Random = random;
        _chat = chat;
        _options = options;
        _tally = tally;
        CancellationToken = cancellationToken;
    }

    /// <summary>The customer's place in the run, 1 to the number of conversations: all the log ever says about them.</summary>
    public int Number { get; }

    /// <summary>Writes Swedish (most customers) or English.</summary>
    public bool Swedish { get; }

    public Random Random { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>What the bot waits for now, after its last turn.</summary>
    public BotAsk Ask { get; private set; } = BotAsk.Rest;

    /// <summary>The bot's last turn.</summary>
    public BotTurn Last { get; private set; } = new([], BotAsk.Rest);

    /// <summary>A made-up address at the reserved example.com: kund17@example.com for customer 17.</summary>
    public string Email => string.Create(CultureInfo.InvariantCulture, $"kund{Number}@example.com");

    /// <summary>Customer 17's made-up e-mail written another way, for a corrected address.</summary>
    public string OtherEmail => string.Create(CultureInfo.InvariantCulture, $"kund{Number}.privat@example.com");

    /// <summary>Whether an agent serves the queue in this run; without one, queued customers give up after a while.</summary>
    public bool AgentOnDuty { get; }

    public TimeSpan AgentTimeout => _options.AgentTimeout;

    /// <summary>The Swedish or the English text, after the customer's language.</summary>
    public string T(string swedish, string english) => Swedish ? swedish : english;

    /// <summary>One of these, at random.</summary>
    public string Pick(params string[] options) => options[Random.Next(options.Length)];

    /// <summary>One of these, at random.</summary>
    public T Pick<T>(IReadOnlyList<T> options) => options[Random.Next(options.Count)];

    /// <summary>One of the Swedish or one of the English options.</summary>
    public string Pick(string[] swedish, string[] english) => Pick(Swedish ? swedish : english);

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public void Outcome(string name) => _tally.Outcome(name);

    /// <summary>Writes a message and reads the bot's answer to it.</summary>
    public async Task<BotTurn> SayAsync(string text)
    {
        await ThinkAsync().ConfigureAwait(false);
        var id = await _chat.PostMessageAsync(text, null, CancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(id).ConfigureAwait(false);
    }

    /// <summary>Presses an Adaptive Card's Action.Submit button with this data.</summary>
    public async Task<BotTurn> SubmitAsync(JsonObject data)
    {
        await ThinkAsync().ConfigureAwait(false);
        var id = await _chat.PostMessageAsync(null, data, CancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(id).ConfigureAwait(false);
    }

    /// <summary>Writes to the agent who has the chat: the bot passes it on and says nothing itself, so no answer is awaited.</summary>
    public async Task TellAgentAsync(string text)
    {
        await ThinkAsync().ConfigureAwait(false);
        await _chat.PostMessageAsync(text, null, CancellationToken).ConfigureAwait(false);
        _tally.MessageSent();
    }

    /// <summary>Waits for the bot (or an agent through it) to say something with this news; null when it did not in time.</summary>
    public Task<BotTurn?> WaitForAsync(BotNews news, TimeSpan timeout)
        => WaitForAsync(turn => turn.Has(news), timeout);

    /// <summary>Waits for the bot to ask this on its own (the rating after an agent closed); null when it did not in time.</summary>
    public Task<BotTurn?> WaitForAsync(BotAsk ask, TimeSpan timeout)
        => WaitForAsync(turn => turn.Ask == ask, timeout);

    /// <summary>Waits for any message at all (an agent's first words); null when none came in time.</summary>
    public Task<BotTurn?> WaitForAnythingAsync(TimeSpan timeout)
        => WaitForAsync(_ => true, timeout);

    /// <summary>The welcome and the menu, which the bot sends for the conversation's start and Web Chat's join event.</summary>
    public async Task WelcomedAsync()
    {
        if (await WaitForAsync(turn => turn.Ask == BotAsk.Rest, _options.ReplyTimeout).ConfigureAwait(false) is null)
        {
            throw new DemoFailure("no welcome");
        }
    }

    private async Task<BotTurn?> WaitForAsync(Func<BotTurn, bool> wanted, TimeSpan timeout)
    {
        var messages = await _chat.WaitAsync(message => wanted(new BotTurn([message], Ask)), timeout, CancellationToken).ConfigureAwait(false);
        return messages is null ? null : Remember(new BotTurn(messages, Ask));
    }

    private async Task<BotTurn> ReadAnswerAsync(string messageId)
    {
        _tally.MessageSent();
        var messages = await _chat.RepliesToAsync(messageId, _options.ReplyTimeout, CancellationToken).ConfigureAwait(false);
        var turn = new BotTurn(messages, Ask);
        if (!turn.Recognised || turn.Ask == BotAsk.Unknown)
        {
            // A card and then silence: the question may be a moment behind (the benefits API answering slowly).
            var more = await _chat.MoreAsync(LateRest, CancellationToken).ConfigureAwait(false);
            if (more.Count > 0)
            {
                turn = new BotTurn([.. messages, .. more], Ask);
            }
        }

        return Remember(turn);
    }

    private BotTurn Remember(BotTurn turn)
    {
        Last = turn;
        Ask = turn.Ask;
        foreach (var news in Enum.GetValues<BotNews>().Where(turn.Has))
        {
            _tally.Outcome(OutcomeName(news));
        }

        if (turn.Ask == BotAsk.Fallback)
        {
            _tally.Outcome("not understood");
        }

        return turn;
    }

    private static string OutcomeName(BotNews news) => news switch
    {
        BotNews.Registered => "registered",
        BotNews.AlreadyRegistered => "already registered",
        BotNews.OtherAccount => "registration refused (other account)",
        BotNews.AdultsOnly => "adults only",
        BotNews.WarrantyShown => "warranty shown",
        BotNews.WarrantyNotFound => "warranty: device not found",
        BotNews.ClaimFiled => "claim filed",
        BotNews.ClaimRefused => "claim refused",
        BotNews.ClaimToAgents => "claim passed to agents",
        BotNews.Solved => "solved by troubleshooting",
        BotNews.CareClosed => "customer care closed",
        BotNews.CallbackBooked => "callback booked",
        BotNews.EmailOffered => "e-mail address given",
        BotNews.AgentJoined => "agent joined",
        BotNews.AgentLeft => "agent closed the chat",
        BotNews.AgentAway => "agent away",
        BotNews.LeftQueue => "left the queue",
        BotNews.ChatEnded => "customer ended the agent chat",
        BotNews.HandoffFailed => "handoff failed",
        BotNews.ApiUnavailable => "benefits API unavailable",
        BotNews.NotHelping => "same answer twice",
        BotNews.SensitiveNumber => "sensitive number refused",
        BotNews.RatingStored => "rating stored",
        _ => news.ToString(),
    };

    /// <summary>Reading the answer and typing: a random pause up to the run's think time.</summary>
    private Task ThinkAsync()
    {
        var most = (int)_options.MaxThinkTime.TotalMilliseconds;
        return most <= 0 ? Task.CompletedTask : Task.Delay(Random.Next(most / 4, most + 1), CancellationToken);
    }
}
