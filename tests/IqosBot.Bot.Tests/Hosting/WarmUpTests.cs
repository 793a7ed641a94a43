using System.Net;
using IqosBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// A new instance runs a short scripted conversation through the bot before /readyz says ready, so a balancer sends
/// it customers only once the turn's code is compiled; the warm-up leaves nothing behind and never keeps the
/// instance from serving.
/// </summary>
public sealed class WarmUpTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task The_instance_is_not_ready_while_it_warms_up_and_ready_after_with_nothing_of_the_warm_up_kept()
    {
        var gate = new TaskCompletionSource();
        var warmUpTurns = 0;
        using var host = new BotHost(
            _database.Path,
            new Dictionary<string, string?> { ["WarmUp:Rounds"] = "2" },
            services => services.AddTransient<IBot>(provider => new HeldBot(ActivatorUtilities.CreateInstance<Bots.IqosBot>(provider), gate.Task, () => Interlocked.Increment(ref warmUpTurns))));
        var client = host.CreateClient();

        var warming = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
        Assert.Equal("Unhealthy", JObject.Parse(await warming.Content.ReadAsStringAsync())["checks"]!.Value<string>("warm"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        gate.SetResult();
        await host.Services.GetRequiredService<WarmUp>().Done.WaitAsync(Generous);

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", JObject.Parse(await ready.Content.ReadAsStringAsync())["checks"]!.Value<string>("warm"));
        Assert.True(warmUpTurns >= 2 * 9, $"Only {warmUpTurns} warm-up turns ran.");
        Assert.Equal(0, await StateRowsAsync("warmup/%"));
    }

    [Fact]
    public async Task A_warm_up_that_fails_still_leaves_the_instance_ready()
    {
        using var host = new BotHost(
            _database.Path,
            new Dictionary<string, string?> { ["WarmUp:Rounds"] = "1" },
            services => services.AddTransient<IBot>(_ => new ThrowingBot()));

        await host.Services.GetRequiredService<WarmUp>().Done.WaitAsync(Generous);

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/readyz")).StatusCode);
    }

    private async Task<long> StateRowsAsync(string keyPattern)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM state WHERE key LIKE $pattern";
        command.Parameters.AddWithValue("$pattern", keyPattern);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _database.Dispose();

    /// <summary>The real bot, whose warm-up turns wait for the test and are counted.</summary>
    private sealed class HeldBot(IBot inner, Task gate, Action counted) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.ChannelId == WarmUp.ChannelId)
            {
                await gate.WaitAsync(cancellationToken);
                counted();
            }

            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("broken for the test");
    }
}
