using System.Globalization;

namespace IqosBot.Tools.Demo;

/// <summary>
/// What <see cref="DemoTraffic.RunAsync"/> plays: how many customers, how many at once, which seed makes the run
/// reproducible, and the agent account that answers the customers who ask for a person. The defaults are those
/// of a development bot (<c>dotnet run --project Bot</c>): its address, and its demo agent anna.
/// </summary>
public sealed class DemoTrafficOptions
{
    /// <summary>The development bot's development agent; its password is in the README, not a secret.</summary>
    public const string DevelopmentAgent = "anna";

    public const string DevelopmentAgentPassword = "anna-demo-2026";

    public Uri BotUrl { get; init; } = new("http://localhost:3978");

    /// <summary>How many customer conversations to play.</summary>
    public int Conversations { get; init; } = 300;

    /// <summary>How many customers chat at the same time.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>The same seed against the same bot plays the same customers saying the same things.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The agent who accepts queued customers; null plays no agent (queued customers then give up and leave the queue).</summary>
    public string? AgentUserName { get; init; } = DevelopmentAgent;

    public string? AgentPassword { get; init; } = DevelopmentAgentPassword;

    /// <summary>
    /// Null: tokens come from the public <c>POST /api/webchat/token</c>, as the support page gets them. Set: from
    /// <c>POST /v3/directline/tokens/generate</c> with this Direct Line secret, as a site's own backend would.
    /// </summary>
    public string? DirectLineSecret { get; init; }

    /// <summary>How long a customer waits for the bot to answer a message before counting it as a failure.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a queued customer waits for the agent to join, and then for the agent to finish.</summary>
    public TimeSpan AgentTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The longest pause a customer takes before writing (reading, typing); each pause is random up to this.
    /// Zero makes a test fast; the default keeps a run of 300 to a few minutes.
    /// </summary>
    public TimeSpan MaxThinkTime { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The command line after <c>demo-traffic</c>; throws <see cref="ArgumentException"/> with the reason for anything it cannot read.</summary>
    public static DemoTrafficOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var defaults = new DemoTrafficOptions();
        var (bot, conversations, parallel, seed) = (defaults.BotUrl, defaults.Conversations, defaults.Parallel, defaults.Seed);
        var (agent, password, secret, think) = (defaults.AgentUserName, defaults.AgentPassword, defaults.DirectLineSecret, defaults.MaxThinkTime);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-agent")
            {
                (agent, password) = (null, null);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--bot":
                    bot = Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                        ? url
                        : throw new ArgumentException("--bot is the bot's http(s) address, e.g. http://localhost:3978.");
                    break;
                case "--conversations":
                    conversations = Positive(name, value);
                    break;
                case "--parallel":
                    parallel = Positive(name, value);
                    break;
                case "--seed":
                    seed = Number(name, value);
                    break;
                case "--agent":
                    agent = value;
                    break;
                case "--password":
                    password = value;
                    break;
                case "--directline-secret":
                    secret = value;
                    break;
                case "--think-ms":
                    think = TimeSpan.FromMilliseconds(Math.Max(0, Number(name, value)));
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }

        return new DemoTrafficOptions
        {
            BotUrl = bot,
            Conversations = conversations,
            Parallel = parallel,
            Seed = seed,
            AgentUserName = agent,
            AgentPassword = password,
            DirectLineSecret = secret,
            MaxThinkTime = think,
        };
    }

    private static int Number(string name, string value)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} takes a whole number.");

    private static int Positive(string name, string value)
        => Number(name, value) is > 0 and var number ? number : throw new ArgumentException($"{name} takes a number above 0.");
}
