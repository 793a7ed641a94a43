using IqosBot.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace IqosBot.Bot.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}

/// <summary>
/// A real Redis for the tests: the one ConnectionStrings__Redis names, or else Debian's redis-server (installed by
/// scripts/test.sh when missing) started on a free port without persistence, stopped at the end of the run.
/// A test that stops Redis under a running bot starts one of its own (<see cref="StartOwnAsync"/>).
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;
    private int _port;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A redis-server of the test's own, never a shared one: for tests that stop and restart it.</summary>
    public static async Task<RedisServer> StartOwnAsync()
    {
        var server = new RedisServer();
        await server.StartProcessAsync(LoopbackPort.Free());
        return server;
    }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Redis") is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        await StartProcessAsync(LoopbackPort.Free());
    }

    /// <summary>
    /// A connection string to one of Redis's numbered databases (0–15), emptied first: a test class that keeps keys
    /// (presence, rate-limit windows) takes a number of its own, so no other test's keys are in its way.
    /// </summary>
    public async Task<string> EmptyDatabaseAsync(int number)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",allowAdmin=true");
        foreach (var endPoint in admin.GetEndPoints())
        {
            await admin.GetServer(endPoint).FlushDatabaseAsync(number);
        }

        return ConnectionString + ",defaultDatabase=" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Ends the server as a crash would: its clients see their connections drop.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port (empty: it keeps nothing on disk).</summary>
    public Task RestartAsync() => StartProcessAsync(_port);

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private async Task StartProcessAsync(int port)
    {
        _port = port;
        var start = new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode yes")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; scripts/test.sh installs it with apt.");
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
        ConnectionString = $"127.0.0.1:{port}";

        // Ready when it accepts a connection; a server that never does fails the run within a minute.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (attempt < 600 && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}
