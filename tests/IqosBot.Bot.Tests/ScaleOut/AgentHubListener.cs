using System.Net;
using System.Threading.Channels;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>A signed-in agent's console connected to one host's hub, noting every queueChanged it hears in order.</summary>
public sealed class AgentHubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();
    private int _queueChanges;

    private AgentHubListener(BotHost host, CookieContainer cookies)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/agent/hub"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = host.Server.CreateHandler() };
            })
            .Build();
        _connection.On("queueChanged", () =>
        {
            Interlocked.Increment(ref _queueChanges);
            _events.Writer.TryWrite("queueChanged");
        });
    }

    /// <summary>How many queueChanged events the console has heard so far.</summary>
    public int QueueChanges => Volatile.Read(ref _queueChanges);

    /// <summary>Connects with the cookies of an agent signed in on <paramref name="host"/>.</summary>
    public static async Task<AgentHubListener> ConnectAsync(BotHost host, CookieContainer cookies)
    {
        var listener = new AgentHubListener(host, cookies);
        await listener._connection.StartAsync();
        return listener;
    }

    /// <summary>Waits for the next queueChanged, 15 s at most.</summary>
    public async Task NextQueueChangeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _events.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("No queueChanged event from the hub within 15 s.");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
