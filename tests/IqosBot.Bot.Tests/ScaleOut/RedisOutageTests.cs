using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;

namespace IqosBot.Bot.Tests.ScaleOut;

/// <summary>
/// Redis down under a running instance (the load balancer is told by /readyz, but customers already on it carry
/// on): a customer who asks for a person is still queued and told so. The console events that could not go
/// through Redis are dropped (the console's poll catches up) and presence falls back to the instance's own.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    private readonly TempDatabase _files = new();

    [Fact]
    public async Task While_redis_is_down_a_customer_asking_for_a_person_is_still_queued()
    {
        var redis = await RedisServer.StartOwnAsync();
        try
        {
            using var host = Agents.Host(_files.Path, extra: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
            var customer = await Customer.StartAsync(host);
            redis.Stop();

            string queued;
            try
            {
                queued = await customer.QueueAsync();
            }
            catch (Exception exception)
            {
                // What went wrong on the bot's side, for whoever reads the failure (the logs hold no personal data).
                var problems = host.Logs.Entries.Where(entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(entry => entry.Line);
                throw new Xunit.Sdk.XunitException(exception.Message + "\nWarnings and errors logged:\n" + string.Join("\n", problems));
            }

            Assert.Contains("Du står nu i kö", queued, StringComparison.Ordinal);

            // No turn failed on the way (SignalR itself logs each failed reconnection to Redis as an error: that is the outage).
            Assert.DoesNotContain(host.Logs.Entries, entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Error && entry.Category.StartsWith("IqosBot", StringComparison.Ordinal));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    public void Dispose() => _files.Dispose();
}
