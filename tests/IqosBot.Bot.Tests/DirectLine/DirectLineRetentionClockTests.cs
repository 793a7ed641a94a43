using IqosBot.Bot.Tests.Hosting;
using IqosBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// DirectLine:ConversationRetention on the host's clock: a Web Chat conversation's activities stay for the
/// seven days after its last use, and after that not a byte of what was typed is left in the files.
/// </summary>
public sealed class DirectLineRetentionClockTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DirectLineHost _host;
    private readonly DirectLineClient _client;

    public DirectLineRetentionClockTests()
    {
        _host = new DirectLineHost(_database.Path, services: services => services.AddSingleton<TimeProvider>(_time));
        _client = new DirectLineClient(_host.CreateClient());
    }

    [Fact]
    public async Task A_conversation_is_kept_for_the_retention_period_after_its_last_use_and_then_deleted_from_the_files()
    {
        var started = (await _client.StartAsync(DirectLineHost.Secret)).Json;
        var id = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        await _client.PostTextAsync(id, token, "kvarlämnad-rad-1234", "first");
        // The bot's turn runs after the POST; a no-op queued behind it completes once the turn's replies (the
        // conversation's last use) are written.
        await _host.Services.GetRequiredService<DirectLineTurnQueue>().EnqueueProactive(id, _ => Task.CompletedTask);
        var janitor = _host.Services.GetRequiredService<DirectLineJanitor>();

        var store = _host.Services.GetRequiredService<IDirectLineStore>();

        _time.Advance(TimeSpan.FromDays(6));
        await janitor.SweepAsync(CancellationToken.None);
        Assert.Contains("kvarlämnad-rad-1234", await StateFilesAsync(), StringComparison.Ordinal);

        // The janitor's own timer runs on the moved clock too; this sweep makes sure, and the reclaim after both
        // leaves the write-ahead log empty of what they deleted.
        _time.Advance(TimeSpan.FromDays(2));
        await janitor.SweepAsync(CancellationToken.None);
        await store.ReclaimAsync(CancellationToken.None);

        Assert.Equal(0, await store.DeleteIdleAsync(_time.GetUtcNow(), 10, CancellationToken.None));
        Assert.DoesNotContain("kvarlämnad-rad-1234", await StateFilesAsync(), StringComparison.Ordinal);
    }

    /// <summary>The state file and its WAL as text; the transcript file keeps its own 30 days and is not read.</summary>
    private async Task<string> StateFilesAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(_database.Directory).Where(file => !Path.GetFileName(file).Contains("transcripts", StringComparison.Ordinal)))
        {
            text.Append(System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
        }

        return text.ToString();
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
