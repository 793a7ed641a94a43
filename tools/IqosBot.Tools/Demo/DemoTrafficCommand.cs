namespace IqosBot.Tools.Demo;

/// <summary>
/// demo-traffic: the command-line face of <see cref="DemoTraffic"/>. Ctrl+C stops the run; the exit code is 0 when
/// every conversation played without a failure, 1 when some failed, 2 for a command line it cannot read.
/// </summary>
internal static class DemoTrafficCommand
{
    public const string Usage = "demo-traffic [--bot http://localhost:3978] [--conversations 300] [--parallel 4] [--seed 1] "
                                + "[--agent anna --password anna-demo-2026 | --no-agent] [--directline-secret S] [--think-ms 400]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        DemoTrafficOptions options;
        try
        {
            options = DemoTrafficOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await errors.WriteLineAsync($"{exception.Message}\nusage: dotnet run --project tools/IqosBot.Tools -- {Usage}").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var summary = await DemoTraffic.RunAsync(options, output, stop.Token).ConfigureAwait(false);
            return summary.Failures == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await errors.WriteLineAsync("Stopped.").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
