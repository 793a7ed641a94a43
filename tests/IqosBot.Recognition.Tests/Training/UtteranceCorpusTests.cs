using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Tests.Training;

/// <summary>How the utterance files are read, and the rules the real files keep (knowledge/utterances/README.md).</summary>
public sealed class UtteranceCorpusTests
{
    private static readonly UtteranceCorpus Corpus = UtteranceCorpus.LoadEmbedded();

    public static TheoryData<string> Languages => new() { "sv", "en" };

    [Fact]
    public void A_file_is_read_line_by_line_with_its_label_language_and_split_taken_from_its_name()
    {
        var corpus = UtteranceCorpus.Parse(
        [
            ("sv/Thanks.train.txt", "# comment\ntack\r\n\n  tack så mycket  \n"),
            ("en/Thanks.test.txt", "thanks a lot\n"),
        ]);

        Assert.Equal(
            [new LabeledUtterance("tack", Intents.Thanks, "sv"), new LabeledUtterance("tack så mycket", Intents.Thanks, "sv")],
            corpus.Train);
        Assert.Equal([new LabeledUtterance("thanks a lot", Intents.Thanks, "en")], corpus.Test);
    }

    [Fact]
    public void A_file_for_an_unknown_intent_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => UtteranceCorpus.Parse([("sv/Weather.train.txt", "blir det regn\n")]));

        Assert.Contains("Weather", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thanks.train.txt")] // no language folder
    [InlineData("sv/Thanks.txt")] // no split
    [InlineData("sv/Thanks.training.txt")]
    [InlineData("sv/Thanks.train.md")]
    [InlineData("sv/Thanks.train.txt.bak")]
    [InlineData("sv/old/Thanks.train.txt")]
    public void A_badly_named_file_is_rejected(string path)
    {
        var error = Assert.Throws<InvalidOperationException>(() => UtteranceCorpus.Parse([(path, "tack\n"), ("sv/Greeting.train.txt", "hej\n")]));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_training_utterance_the_corpus_is_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => UtteranceCorpus.Parse([("sv/Thanks.test.txt", "tack\n")]));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_intent_has_at_least_30_training_and_some_test_utterances_in_each_language(string language)
    {
        foreach (var intent in Intents.All)
        {
            var train = Corpus.Train.Count(example => example.Intent == intent && example.Language == language);
            var test = Corpus.Test.Count(example => example.Intent == intent && example.Language == language);
            Assert.True(train >= 30, $"{language}/{intent}.train.txt has {train} utterances.");
            // Enough held-out lines for a per-intent figure to mean something (the README asks for 12).
            Assert.True(test >= 10, $"{language}/{intent}.test.txt has {test} utterances.");
        }
    }

    [Fact]
    public void Only_the_known_intents_and_languages_occur()
    {
        var all = Corpus.Train.Concat(Corpus.Test).ToList();

        Assert.All(all, example => Assert.Contains(example.Intent, Intents.All));
        Assert.Equal(["en", "sv"], all.Select(example => example.Language).Distinct().Order());
    }

    [Fact]
    public void No_test_utterance_is_also_a_training_utterance()
    {
        // Folded, as the recognizer sees text: stricter than case-insensitive, it also catches a copy
        // that differs only in accents or punctuation ("när har ni öppet?" = "nar har ni oppet").
        var training = Corpus.Train.Select(example => TextNormalizer.Fold(example.Text)).ToHashSet();

        var copies = Corpus.Test.Where(example => training.Contains(TextNormalizer.Fold(example.Text))).Select(example => $"[{example.Language}] {example.Intent}: {example.Text}");

        Assert.Empty(copies);
    }

    [Fact]
    public void No_utterance_occurs_twice()
    {
        // A line in two files teaches (or measures) two answers to the same message.
        var duplicates = Corpus.Train.Concat(Corpus.Test)
            .GroupBy(example => TextNormalizer.Fold(example.Text))
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(" | ", group.Select(example => $"[{example.Language}] {example.Intent}: {example.Text}")));

        Assert.Empty(duplicates);
    }
}
