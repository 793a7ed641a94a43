using System.Globalization;
using IqosBot.Handoff;

namespace IqosBot.Bot.Tests.Handoff.Stores;

/// <summary>
/// What every <see cref="IHandoffTranscriptStore"/> must do, run against each provider: lines in the order
/// appended, the newest <see cref="IHandoffTranscriptStore.MaxEntries"/> of a conversation, no line lost when two
/// instances append at once, and the retention deletes that spare conversations with a case.
/// </summary>
public abstract class TranscriptStoreContract : HandoffStoreContract
{
    [Fact]
    public async Task Lines_come_back_in_the_order_appended_with_every_field()
    {
        var transcripts = Database.Transcripts();
        var agentLine = new TranscriptEntry
        {
            ConversationKey = "webchat/a",
            At = new DateTimeOffset(2026, 11, 25, 10, 0, 2, TimeSpan.FromHours(1)),
            Sender = TranscriptSenders.Agent,
            SenderName = "Anna",
            Text = "Hej, det är Anna. Prova att rengöra kontakterna – åäö.",
        };

        await transcripts.AppendAsync([Line("webchat/a", "hej", T0), Line("webchat/b", "en annan kund", T0)], CancellationToken.None);
        await transcripts.AppendAsync([agentLine], CancellationToken.None);
        await transcripts.AppendAsync([Line("webchat/a", "tack", T0.AddSeconds(1))], CancellationToken.None);

        var read = await transcripts.ReadAsync("webchat/a", CancellationToken.None);

        // Appended order, not time order: the agent's line was stamped later than the customer's thanks.
        Assert.Equal(["hej", agentLine.Text, "tack"], read.Select(entry => entry.Text));
        Assert.Equivalent(agentLine, read[1], strict: true);
        Assert.Equal(T0.AddSeconds(2), read[1].At);
        Assert.Equal((TranscriptSenders.Customer, null), (read[0].Sender, read[0].SenderName));
        Assert.Equal(["en annan kund"], (await transcripts.ReadAsync("webchat/b", CancellationToken.None)).Select(entry => entry.Text));
        Assert.Empty(await transcripts.ReadAsync("webchat/nobody", CancellationToken.None));
    }

    [Fact]
    public async Task A_transcript_keeps_the_newest_lines_up_to_the_cap_oldest_first()
    {
        var transcripts = Database.Transcripts();
        var total = IHandoffTranscriptStore.MaxEntries + 50;
        var lines = Enumerable.Range(0, total).Select(number => Line("webchat/long", Number(number), T0)).ToList();

        // Batches of one, of more than a statement's worth of rows, and the rest; all stamped the same second.
        await transcripts.AppendAsync(lines[..1], CancellationToken.None);
        await transcripts.AppendAsync(lines[1..150], CancellationToken.None);
        await transcripts.AppendAsync(lines[150..], CancellationToken.None);
        await transcripts.AppendAsync([], CancellationToken.None);

        var read = await transcripts.ReadAsync("webchat/long", CancellationToken.None);

        Assert.Equal(Enumerable.Range(50, IHandoffTranscriptStore.MaxEntries).Select(Number), read.Select(entry => entry.Text));
    }

    [Fact]
    public async Task Two_instances_appending_to_one_conversation_at_once_lose_no_line_and_keep_each_ones_order()
    {
        var first = Database.Transcripts();
        var second = Database.Transcripts();

        await RaceAsync(first, second, 2, async (transcripts, writer) =>
        {
            for (var batch = 0; batch < 20; batch++)
            {
                await transcripts.AppendAsync([Line("webchat/shared", $"{writer}-{Number(2 * batch)}", T0), Line("webchat/shared", $"{writer}-{Number((2 * batch) + 1)}", T0)], CancellationToken.None);
            }

            return true;
        });

        var read = (await first.ReadAsync("webchat/shared", CancellationToken.None)).Select(entry => entry.Text).ToList();
        Assert.Equal(80, read.Count);
        foreach (var writer in new[] { "0-", "1-" })
        {
            Assert.Equal(Enumerable.Range(0, 40).Select(number => writer + Number(number)), read.Where(text => text.StartsWith(writer, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Retention_deletes_old_lines_of_conversations_without_a_case_only()
    {
        var transcripts = Database.Transcripts();
        await transcripts.AppendAsync(
        [
            Line("webchat/old-no-case", "gammal fråga", T0.AddDays(-40)),
            Line("webchat/old-no-case", "lite nyare", T0.AddDays(-1)),
            Line("webchat/old-with-case", "gammal fråga med ärende", T0.AddDays(-40)),
            Line("webchat/recent", "ny fråga", T0.AddDays(-2)),
        ], CancellationToken.None);
        await Database.Cases().CreateAsync(Case("C-TEST0001", CaseStatus.Closed, conversation: "webchat/old-with-case", queuedAt: T0.AddDays(-40), closedAt: T0.AddDays(-39)), CancellationToken.None);

        var deleted = await transcripts.DeleteOlderThanAsync(T0.AddDays(-30), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["lite nyare"], (await transcripts.ReadAsync("webchat/old-no-case", CancellationToken.None)).Select(entry => entry.Text));
        Assert.Single(await transcripts.ReadAsync("webchat/old-with-case", CancellationToken.None));
        Assert.Single(await transcripts.ReadAsync("webchat/recent", CancellationToken.None));
        Assert.Equal(0, await transcripts.DeleteOlderThanAsync(T0.AddDays(-30), CancellationToken.None));
    }

    [Fact]
    public async Task The_lines_of_deleted_cases_go_up_to_the_cutoff_and_other_conversations_stay()
    {
        var transcripts = Database.Transcripts();
        await transcripts.AppendAsync(
        [
            Line("webchat/ended-1", "före", T0.AddDays(-100)),
            Line("webchat/ended-1", "efter", T0.AddDays(1)),
            Line("webchat/ended-2", "före", T0.AddDays(-95)),
            Line("webchat/kept", "före", T0.AddDays(-100)),
        ], CancellationToken.None);

        Assert.Equal(0, await transcripts.DeleteConversationsBeforeAsync([], T0, CancellationToken.None));
        Assert.Equal(2, await transcripts.DeleteConversationsBeforeAsync(["webchat/ended-1", "webchat/ended-2", "webchat/none"], T0, CancellationToken.None));
        await transcripts.ReclaimAsync(CancellationToken.None);

        Assert.Equal(["efter"], (await transcripts.ReadAsync("webchat/ended-1", CancellationToken.None)).Select(entry => entry.Text));
        Assert.Empty(await transcripts.ReadAsync("webchat/ended-2", CancellationToken.None));
        Assert.Single(await transcripts.ReadAsync("webchat/kept", CancellationToken.None));
    }

    private static string Number(int number) => number.ToString("D3", CultureInfo.InvariantCulture);

    private static TranscriptEntry Line(string conversation, string text, DateTimeOffset at)
        => new() { ConversationKey = conversation, Sender = TranscriptSenders.Customer, Text = text, At = at };
}
