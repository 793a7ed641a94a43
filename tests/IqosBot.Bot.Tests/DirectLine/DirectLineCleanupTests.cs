using System.Net;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.DirectLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// Conversations nobody uses leave memory, and after DirectLine:ConversationRetention (7 days) the database with
/// everything in them; a conversation in use stays, and one read back after leaving memory goes on as before.
/// </summary>
public sealed class DirectLineCleanupTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;
    private readonly DirectLineClient _client;

    public DirectLineCleanupTests()
    {
        _host = new DirectLineHost(_database.Path);
        _client = new DirectLineClient(_host.CreateClient());
    }

    [Fact]
    public async Task A_conversation_idle_past_the_retention_is_deleted_with_its_activities_and_a_recent_one_stays()
    {
        var (old, oldToken) = await StartWithMessageAsync("gammal");
        var (recent, recentToken) = await StartWithMessageAsync("ny");
        await using (var connection = new SqliteConnection($"Data Source={_database.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE directline_conversations SET last_activity_at = $at WHERE id = $id";
            command.Parameters.AddWithValue("$at", DateTime.UtcNow.AddDays(-8).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$id", old);
            await command.ExecuteNonQueryAsync();
        }

        var (_, deleted) = await _host.Services.GetRequiredService<DirectLineJanitor>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetActivitiesAsync(old, oldToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetActivitiesAsync(recent, recentToken)).Status);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM directline_activities WHERE conversation_id = $id", old));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM directline_conversations WHERE id = $id", old));
        Assert.True(await CountAsync("SELECT COUNT(*) FROM directline_activities WHERE conversation_id = $id", recent) > 0);
    }

    private async Task<long> CountAsync(string sql, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Conversations_without_a_socket_leave_memory_and_go_on_when_their_customer_returns()
    {
        var (conversation, token) = await StartWithMessageAsync("hej");
        var hub = _host.Services.GetRequiredService<DirectLineHub>();
        var before = hub.LiveCount;

        var evicted = hub.EvictIdle(TimeSpan.Zero);
        var after = hub.LiveCount;
        var next = await _client.PostTextAsync(conversation, token, "hej igen", "again-1");
        var history = await _client.PollAsync(conversation, token, activities => activities.Any(activity => (string?)activity["text"] == "hej igen"));

        Assert.True(before >= 1 && evicted >= 1 && after == before - evicted, $"{before} → {after} ({evicted} evicted)");
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(history.Count, history.Select(activity => (string)activity["id"]!).Distinct().Count());
    }

    private async Task<(string Id, string Token)> StartWithMessageAsync(string text)
    {
        var started = (await _client.StartAsync(DirectLineHost.Secret)).Json;
        var id = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await _client.PostTextAsync(id, token, text, "first-" + text);
        await _client.PollAsync(id, token, activities => activities.Any(activity => (string?)activity["text"] == text));
        return (id, token);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
