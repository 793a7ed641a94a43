using IqosBot.Testing;
using System.Diagnostics;
using System.Net;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// A server program run as a child process (<c>dotnet &lt;dll&gt;</c>) on a port of its own, with its settings as
/// environment variables, as an operator's process manager would run it. It can be killed (SIGKILL: no shutdown
/// code runs, as when a machine dies) and started again on the same port. What it writes to stdout and stderr is
/// kept (the last lines, each start numbered) so a failing test can show it.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private const int KeptLines = 400;

    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _readinessPath;
    private readonly bool _anyAnswerIsReady;
    private readonly Queue<string> _output = new();
    private Process? _process;
    private int _starts;

    /// <param name="environment">Configuration as environment variables (<c>Section__Key</c>), over the program's own files.</param>
    /// <param name="readinessPath">Polled until it answers 200 (any status with <paramref name="anyAnswerIsReady"/>) before the process counts as started.</param>
    public ServerProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string readinessPath, bool anyAnswerIsReady = false)
    {
        _anyAnswerIsReady = anyAnswerIsReady;
        Name = name;
        _dll = dll;
        Port = port;
        _environment = environment;
        _readinessPath = readinessPath;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Whether the process is running now.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the program and waits until its readiness path answers 200 (or fails with its output).</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", _dll },
            // From its own folder, as deployed: it finds its appsettings*.json there.
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var run = Interlocked.Increment(ref _starts);
        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(run, line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(run, line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(_process);
    }

    /// <summary>Ends the process at once with SIGKILL (nothing of it runs afterwards) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        Keep(_starts, "--- killed by the test (SIGKILL) ---");
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the process wrote, across its starts, for a failing test's message.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return $"--- {Name} ({_dll}), last {_output.Count} lines ---{Environment.NewLine}" + string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(int run, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue($"[{Name} #{run}] {line}");
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await probe.GetAsync(_readinessPath);
                if (response.StatusCode == HttpStatusCode.OK || _anyAnswerIsReady)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"was not ready within {StartTimeout.TotalSeconds} s";
        await KillAsync();
        throw new InvalidOperationException($"{Name} {why} (GET {_readinessPath} never answered 200).{Environment.NewLine}{OutputTail()}");
    }
}
