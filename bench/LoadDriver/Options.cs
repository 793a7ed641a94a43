using System.Globalization;

namespace IqosBot.Bench.LoadDriver;

/// <summary>Options of a load run. Given as <c>--name value</c> or <c>--name=value</c>; the last occurrence wins,
/// so bench/run.sh can put its scenario defaults first and the caller's overrides after them.</summary>
public sealed class Options
{
    public Uri Url { get; private set; } = new("http://127.0.0.1:3978/api/messages");
    public IReadOnlyList<int> Pids { get; private set; } = [];
    public IReadOnlyList<int> ServicePids { get; private set; } = [];
    public int Conversations { get; private set; } = 50;
    public int Turns { get; private set; } = 20;
    public int Rounds { get; private set; } = 1;
    public int ThinkMs { get; private set; }
    public int WarmupTurns { get; private set; } = 20_000;
    public int WarmupSeconds { get; private set; } = 45;
    public int TimeoutMs { get; private set; } = 10_000;
    public int MaxSeconds { get; private set; } = 300;
    public int WaitSeconds { get; private set; }
    public string Label { get; private set; } = "bot";
    public string Scenario { get; private set; } = "load";
    public string? JsonOut { get; private set; }
    /// <summary>"messages" (POST /api/messages, expectReplies) or "directline" (Web Chat's Direct Line: DirectLineTurnClient).</summary>
    public string Protocol { get; private set; } = "messages";

    public ScriptKind Script { get; private set; } = ScriptKind.Mixed;

    public const string Usage = """
        usage: LoadDriver --url URL [options]        drive a bot and report
               LoadDriver compare --baseline FILE [--baseline FILE...] --candidate FILE [--candidate-label L]
                                  [--title T] [--target-cpu-us N] [--target-cpu-ratio R] [--target-p99-ms N]
               LoadDriver converse --url URL [--script S] [--turns N] [--conversation N]
                                                     print one scripted conversation and the bot's answers
               LoadDriver free-port                  print a free TCP port on 127.0.0.1

          --url URL             the bot's base URL or its /api/messages endpoint
          --pid PID[,PID]       the bot's process id, for its CPU time and peak memory (from /proc);
                                several bot instances: their ids, comma-separated, counted together
          --service-pids PIDS   processes the bot instances share (PostgreSQL, Redis, nginx), comma-
                                separated: their CPU time (with their children's) is reported apart
          --conversations N     concurrent conversations (default 50)
          --turns N             measured turns per conversation (default 20)
          --rounds N            conversations per concurrent slot: when one ends, a new customer
                                takes its place, N times in all (default 1); more rounds, steadier numbers
          --think-ms N          mean pause between a reply and the next message (default 0)
          --script S            what the customers say (default mixed):
                                mixed         short messages of every kind, Swedish and English
                                faq           contact questions (a FAQ card and "did this help?"),
                                              each followed by "ok thanks"
                                registration  register, serial, date, e-mail, 18+ yes, news no,
                                              then "cancel" at the summary card; and again
          --warmup-turns N      unmeasured turns before the measured ones, in conversations of
                                their own of the same length and concurrency (default 20000)
          --warmup-seconds N    and the warm-up lasts at least N seconds (default 45: .NET's
                                tiered JIT recompiles IqosBot's hot code for 30-40 s of full load;
                                before, it takes 10-18 % of the CPU and CPU per turn is higher)
          --timeout-ms N        per-request timeout (default 10000)
          --max-seconds N       cap on the whole run, waiting included (default 300)
          --wait-seconds N      wait up to N s for the bot to answer before starting (default 0: no wait)
          --label NAME          the bot's name in the report (default bot)
          --scenario NAME       the scenario's name in the report (default load)
          --json-out FILE       also write the result as JSON, for 'compare'
          --protocol P          messages (default): each turn a POST to /api/messages with
                                deliveryMode expectReplies; directline: each customer as Web Chat,
                                over the bot's Direct Line 3.0 (token, conversation, stream
                                WebSocket, welcome; each turn a POST of the activity, the reply
                                read on the socket); conversation starts' CPU is measured apart
        """;

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        foreach (var (name, value) in Pairs(args))
        {
            switch (name)
            {
                case "url": options.Url = Endpoint(value); break;
                case "pid": options.Pids = BotProcess.ParsePids(name, value); break;
                case "service-pids": options.ServicePids = BotProcess.ParsePids(name, value); break;
                case "conversations": options.Conversations = Positive(name, value); break;
                case "turns": options.Turns = Positive(name, value); break;
                case "rounds": options.Rounds = Positive(name, value); break;
                case "think-ms": options.ThinkMs = NonNegative(name, value); break;
                case "warmup-turns": options.WarmupTurns = NonNegative(name, value); break;
                case "warmup-seconds": options.WarmupSeconds = NonNegative(name, value); break;
                case "timeout-ms": options.TimeoutMs = Positive(name, value); break;
                case "max-seconds": options.MaxSeconds = Positive(name, value); break;
                case "wait-seconds": options.WaitSeconds = NonNegative(name, value); break;
                case "label": options.Label = value; break;
                case "scenario": options.Scenario = value; break;
                case "json-out": options.JsonOut = value; break;
                case "protocol": options.Protocol = value is "messages" or "directline" ? value : throw new ArgumentException($"--protocol must be messages or directline, not '{value}'"); break;
                case "script": options.Script = CustomerScript.ParseKind(value); break;
                default: throw new ArgumentException($"unknown option --{name}");
            }
        }
        return options;
    }

    /// <summary>Splits <c>--name value</c> / <c>--name=value</c> arguments into pairs.</summary>
    public static IEnumerable<(string Name, string Value)> Pairs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new ArgumentException($"unexpected argument '{arg}'");
            var equals = arg.IndexOf('=');
            if (equals > 0)
                yield return (arg[2..equals], arg[(equals + 1)..]);
            else if (i + 1 < args.Count)
                yield return (arg[2..], args[++i]);
            else
                throw new ArgumentException($"option {arg} needs a value");
        }
    }

    public static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"--{name} must be a positive integer, not '{value}'");

    public static double PositiveNumber(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"--{name} must be a positive number, not '{value}'");

    public static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new ArgumentException($"--{name} must be a non-negative integer, not '{value}'");

    /// <summary>Accepts the bot's base URL as well as its messaging endpoint.</summary>
    public static Uri Endpoint(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"--url must be an http(s) URL, not '{value}'");
        return uri.AbsolutePath.TrimEnd('/').EndsWith("/api/messages", StringComparison.Ordinal)
            ? uri
            : new Uri(uri, "/api/messages");
    }
}
