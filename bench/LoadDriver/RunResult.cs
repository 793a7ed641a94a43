using System.Text.Json;

namespace IqosBot.Bench.LoadDriver;

/// <summary>The numbers of one load run, as printed and as written for 'compare'.</summary>
public sealed record RunResult
{
    public required string Label { get; init; }
    public required string Scenario { get; init; }
    /// <summary>What the customers said (--script); results saved before the option existed read as mixed.</summary>
    public string Script { get; init; } = "mixed";
    public required int Conversations { get; init; }
    public required int TurnsPerConversation { get; init; }
    public required int Rounds { get; init; }
    public required int ThinkMs { get; init; }
    public required int WarmupTurns { get; init; }
    /// <summary>The warm-up's least duration (--warmup-seconds); results saved before the option existed read as 0.</summary>
    public int WarmupSeconds { get; init; }
    public required int WarmupFailures { get; init; }
    public required int MeasuredTurns { get; init; }
    public required int OkTurns { get; init; }
    public required int Errors { get; init; }
    public required int NoReply { get; init; }
    public required Dictionary<string, int> Problems { get; init; }
    public required double WallSeconds { get; init; }
    public required double TurnsPerSecond { get; init; }
    /// <summary>Latency percentiles of the OK turns (nearest rank), null when no turn was OK.</summary>
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? MaxMs { get; init; }
    /// <summary>The bot's utime + stime over the measured phase; null without a PID.</summary>
    public long? BotCpuTicks { get; init; }
    public required long TicksPerSecond { get; init; }
    public double? BotCpuUsPerTurn { get; init; }
    public double? BotCores { get; init; }
    public double? BotPeakRssMiB { get; init; }
    public required double DriverCpuUsPerTurn { get; init; }
    public required double DriverCores { get; init; }
    /// <summary>CPU of the services the bot instances share (PostgreSQL, Redis, nginx) per turn; null when none were named.</summary>
    public double? ServiceCpuUsPerTurn { get; init; }
    public double? ServiceCores { get; init; }
    /// <summary>What a turn costs the whole deployment: the bots and their services.</summary>
    public double? TotalCpuUsPerTurn => ServiceCpuUsPerTurn is { } services ? BotCpuUsPerTurn + services : BotCpuUsPerTurn;
    /// <summary>Cores that neither the bot, its services nor the driver used but something else did; null without a PID.</summary>
    public double? OtherCores { get; init; }

    /// <summary>"messages" or "directline" (the driver's --protocol); results saved before it existed are "messages".</summary>
    public string Protocol { get; init; } = "messages";
    /// <summary>Direct Line: conversations started (and left) inside the measured phase, whose CPU is in <see cref="BotCpuUsPerTurn"/>.</summary>
    public int? ConversationStarts { get; init; }
    /// <summary>Direct Line: the bot's CPU per conversation start, and how starts went, from a phase of starts alone after the measured one.</summary>
    public StartCost? StartCost { get; init; }
    public double? StartCpuUs => StartCost?.BotCpuUsPerStart;
    /// <summary>The bot's CPU per turn without the conversation starts of the measured phase (their measured cost taken off); the same as <see cref="BotCpuUsPerTurn"/> when there are none.</summary>
    public double? TurnOnlyCpuUsPerTurn => ConversationStarts is { } starts && StartCpuUs is { } perStart && BotCpuUsPerTurn is { } total
        ? total - starts * perStart / Math.Max(MeasuredTurns, 1)
        : BotCpuUsPerTurn;

    public bool AllOk => MeasuredTurns > 0 && OkTurns == MeasuredTurns;

    /// <summary>Above this, another process took enough CPU to disturb the numbers.</summary>
    public const double DisturbedCores = 0.2;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static RunResult From(Options options, TurnLog warmup, TurnLog measured, TimeSpan wall,
        long? botTicks, long machineTicks, long? peakKiB, TimeSpan driverCpu, long? serviceTicks = null, StartCost? starts = null)
    {
        var latencies = measured.OkLatenciesMs.Order().ToArray();
        var turns = Math.Max(measured.Turns, 1);
        var seconds = wall.TotalSeconds;
        double ticksPerSecond = BotProcess.TicksPerSecond;
        double? botCpuSeconds = botTicks / ticksPerSecond;
        var serviceCpuSeconds = serviceTicks / ticksPerSecond ?? 0;
        return new RunResult
        {
            Label = options.Label,
            Protocol = options.Protocol,
            ConversationStarts = options.Protocol == "directline" ? options.Conversations * options.Rounds : null,
            StartCost = starts,
            Scenario = options.Scenario,
            Script = CustomerScript.Name(options.Script),
            Conversations = options.Conversations,
            TurnsPerConversation = options.Turns,
            Rounds = options.Rounds,
            ThinkMs = options.ThinkMs,
            WarmupTurns = warmup.Turns,
            WarmupSeconds = options.WarmupSeconds,
            WarmupFailures = warmup.Turns - warmup.OkLatenciesMs.Count,
            MeasuredTurns = measured.Turns,
            OkTurns = measured.OkLatenciesMs.Count,
            Errors = measured.Errors,
            NoReply = measured.NoReply,
            Problems = measured.Problems,
            WallSeconds = seconds,
            TurnsPerSecond = measured.Turns / seconds,
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            P99Ms = Percentile(latencies, 0.99),
            MaxMs = latencies.Length > 0 ? latencies[^1] : null,
            BotCpuTicks = botTicks,
            TicksPerSecond = BotProcess.TicksPerSecond,
            BotCpuUsPerTurn = botCpuSeconds * 1e6 / turns,
            BotCores = botCpuSeconds / seconds,
            BotPeakRssMiB = peakKiB / 1024.0,
            ServiceCpuUsPerTurn = serviceTicks is null ? null : serviceCpuSeconds * 1e6 / turns,
            ServiceCores = serviceTicks is null ? null : serviceCpuSeconds / seconds,
            DriverCpuUsPerTurn = driverCpu.TotalMicroseconds / turns,
            DriverCores = driverCpu.TotalSeconds / seconds,
            OtherCores = botCpuSeconds is { } bot
                ? Math.Max(0, machineTicks / ticksPerSecond - bot - serviceCpuSeconds - driverCpu.TotalSeconds) / seconds
                : null,
        };
    }

    /// <summary>Nearest-rank percentile: the smallest latency that q of the turns did not exceed.</summary>
    internal static double? Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    public void Print(TextWriter output)
    {
        output.WriteLine($"{Label} · {Scenario}");
        output.WriteLine($"  load         {Conversations} conversations at a time × {TurnsPerConversation} turns, {Rounds} rounds, think {ThinkMs} ms, script {Script}; after {WarmupTurns} warm-up turns over at least {WarmupSeconds} s");
        if (Protocol == "directline")
            output.WriteLine("  protocol     Direct Line as Web Chat: each conversation starts with a token, the conversation, its stream socket and the welcome; a turn is the POST of the activity until the bot's first reply to it arrived on the socket");
        output.WriteLine($"  turns        {MeasuredTurns} measured: {OkTurns} ok, {Errors} errors, {NoReply} without a reply");
        foreach (var (problem, count) in Problems.OrderByDescending(p => p.Value).Take(5))
            output.WriteLine($"               {count} × {problem}");
        if (WarmupFailures > 0)
            output.WriteLine($"  warm-up      {WarmupFailures} of {WarmupTurns} warm-up turns failed");
        output.WriteLine($"  throughput   {TurnsPerSecond:F1} turns/s over {WallSeconds:F2} s");
        output.WriteLine($"  latency      p50 {Ms(P50Ms)}  p95 {Ms(P95Ms)}  p99 {Ms(P99Ms)}  max {Ms(MaxMs)}");
        if (BotCpuTicks is { } ticks)
        {
            output.WriteLine($"  bot CPU      {BotCpuUsPerTurn:F0} µs/turn ({ticks} ticks of {1000 / TicksPerSecond} ms){(ConversationStarts is { } started ? $", the {started} conversation starts of the measured phase included" : "")}");
            if (StartCost is { } cost)
            {
                output.WriteLine($"  starts       {cost.BotCpuUsPerStart:F0} µs bot CPU per conversation start, measured apart: {cost.Starts} starts ({cost.BotCpuTicks} ticks), welcome after p50 {Ms(cost.P50Ms)}, p95 {Ms(cost.P95Ms)}{(cost.Failed > 0 ? $"; {cost.Failed} failed ({cost.CommonestProblem})" : "")}");
                output.WriteLine($"               so turns alone ≈ {TurnOnlyCpuUsPerTurn:F0} µs/turn, and the starts {BotCpuUsPerTurn - TurnOnlyCpuUsPerTurn:F0} µs/turn");
            }
            output.WriteLine($"  bot memory   {BotPeakRssMiB:F1} MiB peak resident (VmHWM)");
            if (ServiceCpuUsPerTurn is { } services)
                output.WriteLine($"  services CPU {services:F0} µs/turn (PostgreSQL, Redis, nginx), {TotalCpuUsPerTurn:F0} µs/turn with the bots");
            var serviceCores = ServiceCores is { } cores ? $", services {cores:F2}" : "";
            output.WriteLine($"  cores busy   bot {BotCores:F2}{serviceCores}, driver {DriverCores:F2}, other processes {OtherCores:F2} (of {Environment.ProcessorCount})");
            if (OtherCores > DisturbedCores)
                output.WriteLine("  warning      other processes competed for the CPU during the measurement: latency and turns/s are disturbed");
        }
        else
        {
            output.WriteLine($"  driver CPU   {DriverCpuUsPerTurn:F0} µs/turn ({DriverCores:F2} cores)");
        }
    }

    private static string Ms(double? value) => value is { } v ? $"{v:F2} ms" : "n/a";

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static RunResult Load(string path) =>
        JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no result");
}
