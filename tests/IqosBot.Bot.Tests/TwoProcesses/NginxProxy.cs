using IqosBot.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IqosBot.Bot.Tests.TwoProcesses;

/// <summary>
/// Debian's nginx (scripts/test.sh installs it when missing) in front of the bot processes, with the repository's
/// own configuration (deployment/nginx/iqosbot.conf.template): round robin, no affinity, WebSocket upgrades.
/// Runs in the foreground from a temporary folder of its own (configuration, pid, temp files), on a free port.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Template = "deployment/nginx/iqosbot.conf.template";

    private readonly string _folder;
    private readonly Process _process;
    private readonly List<string> _output = [];

    private NginxProxy(string folder, int port, Process process)
    {
        _folder = folder;
        Port = port;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Header naming the instance that answered ("127.0.0.1:port").</summary>
    public const string UpstreamHeader = "X-Upstream";

    public static async Task<NginxProxy> StartAsync(Uri instanceA, Uri instanceB)
    {
        var folder = Path.Combine(Path.GetTempPath(), "iqosbot-nginx-" + Guid.NewGuid().ToString("N"));
        // Created 0755 (not mktemp's 0700): nginx's workers run as nobody when the tests run as root.
        Directory.CreateDirectory(folder);
        var port = LoopbackPort.Free();
        var configuration = (await File.ReadAllTextAsync(BuildOutput.InRepository(Template)))
            .Replace("${PROXY_PORT}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("${BOT_A}", instanceA.Authority, StringComparison.Ordinal)
            .Replace("${BOT_B}", instanceB.Authority, StringComparison.Ordinal);
        var path = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(path, configuration);

        Process process;
        try
        {
            // Debian puts it in /usr/sbin, which is not on every user's PATH.
            process = Process.Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
            {
                ArgumentList = { "-p", folder + "/", "-c", path, "-e", "stderr" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("nginx is not installed; scripts/test.sh installs it with apt.", exception);
        }

        var proxy = new NginxProxy(folder, port, process);
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    public string OutputTail()
    {
        lock (_output)
        {
            return "--- nginx ---" + Environment.NewLine + string.Join(Environment.NewLine, _output.TakeLast(100));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The master and its worker: a worker outlives a killed master otherwise.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        var why = _process.HasExited ? "exited with code " + _process.ExitCode : "did not listen within 30 s";
        await DisposeAsync();
        throw new InvalidOperationException($"nginx {why}.{Environment.NewLine}{OutputTail()}");
    }
}
