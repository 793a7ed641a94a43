using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IqosBot.Bench.LoadDriver;

// Numbers are read by people and by run.sh alike: the same decimal point on every machine.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

try
{
    return args switch
    {
        ["compare", .. var rest] => Comparison.Run(rest),
        ["converse", .. var rest] => await SampleConversation.RunAsync(rest),
        ["free-port"] => FreePort(),
        [] or ["--help"] or ["-h"] => Help(),
        _ => await DriveAsync(Options.Parse(args)),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 1;
}

// Exit codes: 0 the run completed (whatever it measured), 1 bad arguments,
// 2 the bot never answered or went away, 3 the run hit --max-seconds.
static async Task<int> DriveAsync(Options options)
{
    var bot = options.Pids.Count > 0 ? new BotProcess(options.Pids) : null;
    var services = options.ServicePids.Count > 0 ? new BotProcess(options.ServicePids) : null;
    foreach (var processes in new[] { bot, services })
    {
        if (processes is { IsAlive: false })
        {
            Console.Error.WriteLine($"no process {processes.Pid}");
            return 2;
        }
    }
    using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
    // One connection per conversation (plus the probe's): a customer never waits for another's socket.
    using var client = new TurnClient(options.Url, TimeSpan.FromMilliseconds(options.TimeoutMs), options.Conversations + 1);
    // Fresh conversation ids every run, so a bot that keeps its state never sees a conversation twice.
    var script = new CustomerScript(Guid.NewGuid().ToString("N")[..8], options.Script);
    using var directLine = options.Protocol == "directline"
        ? new DirectLineTurnClient(options.Url, TimeSpan.FromMilliseconds(options.TimeoutMs), options.Conversations + 1)
        : null;
    var run = new LoadRun(options, client, script, bot, services, directLine);
    try
    {
        if (options.WaitSeconds > 0 && !await run.WaitUntilAnsweringAsync(cap.Token))
            return 2;
        var result = await run.RunAsync(cap.Token);
        result.Print(Console.Out);
        if (options.JsonOut is { } path)
            result.Save(path);
        return 0;
    }
    catch (OperationCanceledException) when (cap.IsCancellationRequested)
    {
        Console.Error.WriteLine($"aborted: the run took longer than --max-seconds {options.MaxSeconds}");
        return 3;
    }
    catch (IOException e) when (bot is { IsAlive: false })
    {
        Console.Error.WriteLine($"the bot process {bot.Pid} went away during the run ({e.Message})");
        return 2;
    }
}

// For run.sh: the OS picks a port that is free now; the bot binds it a moment later.
static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
    return 0;
}

static int Help()
{
    Console.WriteLine(Options.Usage);
    return 0;
}
