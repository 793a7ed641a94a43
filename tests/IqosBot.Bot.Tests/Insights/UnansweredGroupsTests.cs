using IqosBot.Insights;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// The questions the bot could not answer, grouped for the team: the same question in other words (case, accents,
/// punctuation, a word left out) is one line with a count, the biggest groups first, named by their most common
/// wording, with the messages behind it newest first.
/// </summary>
public sealed class UnansweredGroupsTests
{
    private static readonly DateTimeOffset Start = Stockholm.Local(2026, 1, 15, 9);

    [Fact]
    public void The_same_question_in_other_words_is_one_group()
    {
        var groups = UnansweredGroups.Of(Messages(
            "har ni öppet på julafton?",
            "kan jag betala med klarna",
            "öppet julafton??",
            "Har ni öppet på julafton"));

        Assert.Equal(2, groups.Count);
        var julafton = groups[0];
        Assert.Equal(3, julafton.Count);
        Assert.Equal(["Har ni öppet på julafton", "öppet julafton??", "har ni öppet på julafton?"], julafton.Examples.Select(example => example.Text));
        var klarna = groups[1];
        Assert.Equal(1, klarna.Count);
        Assert.Equal("kan jag betala med klarna", klarna.Text);
    }

    [Fact]
    public void Groups_are_sorted_by_how_many_messages_they_hold()
    {
        var groups = UnansweredGroups.Of(Messages(
            "vem vann melodifestivalen",
            "kan jag betala med klarna",
            "har ni öppet på julafton?",
            "Kan man betala med Klarna??",
            "har ni öppet på julafton",
            "kan jag betala med klarna?",
            "vad kostar frakten till finland"));

        Assert.Equal([3, 2, 1, 1], groups.Select(group => group.Count));
        Assert.Contains("klarna", groups[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("julafton", groups[1].Text, StringComparison.Ordinal);
        Assert.Equal(7, groups.Sum(group => group.Examples.Count));
    }

    [Fact]
    public void A_group_is_named_by_its_most_common_wording_not_its_newest()
    {
        var groups = UnansweredGroups.Of(Messages(
            "har ni öppet på julafton?",
            "har ni öppet på julafton?",
            "öppet julafton??"));

        var julafton = Assert.Single(groups);
        Assert.Equal("har ni öppet på julafton?", julafton.Text);
        Assert.Equal("öppet julafton??", julafton.Examples[0].Text);
    }

    [Fact]
    public void Examples_are_newest_first_whatever_order_they_come_in_and_keep_time_and_language()
    {
        var oldest = new UnansweredMessage(Start, "a", "sv", "öppet julafton");
        var newest = new UnansweredMessage(Start.AddHours(2), "b", "en", "Öppet på julafton??");
        var middle = new UnansweredMessage(Start.AddHours(1), "c", "sv", "har ni öppet julafton");

        var group = Assert.Single(UnansweredGroups.Of([middle, newest, oldest]));

        Assert.Equal(
            [new UnansweredExample(newest.Text, newest.At, "en"), new UnansweredExample(middle.Text, middle.At, "sv"), new UnansweredExample(oldest.Text, oldest.At, "sv")],
            group.Examples);
    }

    [Fact]
    public void A_big_group_shows_its_count_and_the_newest_twenty_messages()
    {
        var messages = Enumerable.Range(0, 30).Select(i => new UnansweredMessage(Start.AddMinutes(i), $"c{i}", "sv", "har ni öppet på julafton?")).ToList();

        var group = Assert.Single(UnansweredGroups.Of(messages));

        Assert.Equal(30, group.Count);
        Assert.Equal(20, group.Examples.Count);
        Assert.Equal(Enumerable.Range(10, 20).Reverse().Select(i => Start.AddMinutes(i)), group.Examples.Select(example => example.At));
    }

    [Fact]
    public void Different_questions_stay_apart()
    {
        var groups = UnansweredGroups.Of(Messages(
            "har ni öppet på julafton?", "vad kostar iqos 3 duo", "kan jag betala med klarna", "is it open until 18?", "vad kostar frakten till finland"));

        Assert.Equal(5, groups.Count);
        Assert.All(groups, group => Assert.Equal(1, group.Count));
    }

    /// <summary>Questions that share their frame but not their subject are not one question to answer.</summary>
    [Theory]
    [InlineData("har ni öppet på julafton?", "har ni öppet på nyårsafton?")]
    [InlineData("kan jag betala med klarna", "kan jag betala med swish")]
    [InlineData("do you ship to norway", "do you ship to finland")]
    public void The_same_frame_about_another_thing_is_another_group(string one, string other)
        => Assert.Equal(2, UnansweredGroups.Of(Messages(one, other)).Count);

    [Theory]
    [InlineData("kan jag betala med klarna", "kan jag betala med kalrna")]
    [InlineData("har ni öppet på julafton?", "öppet julafton??")]
    [InlineData("vad kostar en laddare", "vad kostar en ny laddare")]
    public void A_typo_or_fewer_words_is_the_same_group(string one, string other)
        => Assert.Equal(2, Assert.Single(UnansweredGroups.Of(Messages(one, other))).Count);

    [Fact]
    public void No_messages_make_no_groups() => Assert.Empty(UnansweredGroups.Of([]));

    [Theory]
    [InlineData("Öppet på JULAFTON??", "oppet pa julafton")]
    [InlineData("  har   ni,öppet?! ", "har ni oppet")]
    [InlineData("Café Ångström", "cafe angstrom")]
    [InlineData("?!", "")]
    public void Folding_drops_case_accents_and_punctuation(string text, string folded)
        => Assert.Equal(folded, UnansweredGroups.Fold(text));

    /// <summary>The messages given, one minute apart, oldest first.</summary>
    private static List<UnansweredMessage> Messages(params string[] texts)
        => [.. texts.Select((text, i) => new UnansweredMessage(Start.AddMinutes(i), $"conversation-{i}", "sv", text))];
}
