using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Tests.Support;

namespace IqosBot.Recognition.Tests.Embedded;

/// <summary>The offline recognizer trained on the real training split, as the bot trains it at start-up.</summary>
public sealed class EmbeddedRecognizerTests(TrainedRecognizer trained) : IClassFixture<TrainedRecognizer>
{
    // The floors are issue #14's bar: at least 95 % held out in each language and at least 90 % of the
    // out-of-scope messages recognised as None (an out-of-scope message taken for an intent gets a confident
    // wrong answer). Measured with the default settings (`dotnet run --project tools/IqosBot.Tools -- accuracy`)
    // after the training split grew to about 2,550 lines a language, written apart from the held-out split:
    // 95.7 % overall on 2394 held-out utterances, sv 95.8 % (1151 of 1202), en 95.6 % (1140 of 1192); None
    // recall sv 95.8 % (68 of 71), en 91.7 % (66 of 72). Before that (about 1,000 training lines a language)
    // it was 91.4 %, sv 90.9 %, en 91.9 %, None recall 77.5 % and 70.8 %.
    private const double OverallFloor = 0.95;

    private static readonly Dictionary<string, double> LanguageFloors = new() { ["sv"] = 0.95, ["en"] = 0.95 };

    private static readonly Dictionary<string, double> NoneRecallFloors = new() { ["sv"] = 0.90, ["en"] = 0.90 };

    [Fact]
    public void The_held_out_split_is_recognized_above_the_accuracy_floor()
    {
        var outcomes = Outcomes();

        var overall = Accuracy(outcomes);
        Assert.True(overall >= OverallFloor, $"Held-out accuracy {overall:P1} is below {OverallFloor:P0}.");
        foreach (var (language, floor) in LanguageFloors)
        {
            var ofLanguage = Accuracy(outcomes.Where(outcome => outcome.Language == language));
            Assert.True(ofLanguage >= floor, $"Held-out accuracy for {language} {ofLanguage:P1} is below {floor:P0}.");
        }
    }

    [Fact]
    public void Out_of_scope_held_out_messages_are_None_above_the_recall_floor()
    {
        var outcomes = Outcomes();

        foreach (var (language, floor) in NoneRecallFloors)
        {
            var recall = Accuracy(outcomes.Where(outcome => outcome.Language == language && outcome.Intent == Intents.None));
            Assert.True(recall >= floor, $"None recall for {language} {recall:P1} is below {floor:P0}.");
        }
    }

    [Fact]
    public void At_most_one_held_out_message_in_twenty_is_close_enough_between_two_intents_to_ask_which()
    {
        // The main dialog asks "did you mean A or B?" when the best two real intents are within the margin;
        // asked too often, the bot sounds unsure of everything (issue #14: at most 5 %).
        var margin = new RecognizerSettings().AmbiguityMargin;
        foreach (var language in new[] { "sv", "en" })
        {
            var ofLanguage = trained.Corpus.Test.Where(example => example.Language == language).ToList();
            var close = ofLanguage.Count(example =>
            {
                var result = trained.Recognizer.Recognize(example.Text);
                var top = result.TopTwo();
                return result.TopIntent() != Intents.None && top.Length == 2 && top[0].Score - top[1].Score < margin;
            });

            var rate = close / (double)ofLanguage.Count;
            Assert.True(rate <= 0.05, $"'Did you mean' would be asked for {rate:P1} of the {language} held-out messages.");
        }
    }

    [Theory]
    [InlineData("jag vill prata med en människa")]
    [InlineData("jag vill prata med en manniska")]
    [InlineData("can I talk to a human")]
    [InlineData("connect me to a person please")]
    public void An_explicit_request_for_a_person_is_HumanAgent_with_certainty(string text)
    {
        var result = trained.Recognizer.Recognize(text);

        Assert.Equal(Intents.HumanAgent, result.TopIntent());
        Assert.Equal(1.0, result.Intents[Intents.HumanAgent].Score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("!!! ...")]
    public void An_empty_message_is_None(string? text)
    {
        Assert.Equal(Intents.None, trained.Recognizer.Recognize(text).TopIntent());
    }

    [Theory]
    [InlineData("vad blir det för väder i morgon")]
    [InlineData("tell me a joke")]
    [InlineData("vem vann fotbollsmatchen igår")]
    [InlineData("what is the capital of australia")]
    public void A_clearly_out_of_scope_message_is_None(string text)
    {
        Assert.Equal(Intents.None, trained.Recognizer.Recognize(text).TopIntent());
    }

    [Theory]
    [InlineData("hur lange galler garantin for iluma prime", Intents.WarrantyInfo)]
    [InlineData("hur lang ar garantin pa iluma", Intents.WarrantyInfo)]
    [InlineData("registera min iluma", Intents.RegisterDevice)]
    [InlineData("vill registrea min nya ilumma", Intents.RegisterDevice)]
    [InlineData("is my devise still under waranty", Intents.WarrantyStatus)]
    [InlineData("whats the money back garantee", Intents.MoneyBackGuarantee)]
    [InlineData("can i retrun my iluma and get a refund", Intents.MoneyBackGuarantee)]
    [InlineData("hur rengör jag hallaren pa min iluma", Intents.Cleaning)]
    [InlineData("min iluma blinkar rott och varms inte upp", Intents.Troubleshooting)]
    [InlineData("my iluma wont charge anymor", Intents.Troubleshooting)]
    [InlineData("kan ni ge mig telefonnumret till kundtjanst", Intents.ContactSupport)]
    [InlineData("tack sa mycket for hjalpen", Intents.Thanks)]
    [InlineData("vad gor iqos experterna for nat", Intents.IqosExpert)]
    [InlineData("what does the iqos expert help with", Intents.IqosExpert)]
    public void A_typo_or_missing_accents_in_an_unseen_message_still_finds_the_intent(string text, string expected)
    {
        // Unseen means not in the corpus at all, not even with other case, accents or punctuation.
        Assert.DoesNotContain(TextNormalizer.Fold(text), trained.Corpus.Train.Concat(trained.Corpus.Test).Select(example => TextNormalizer.Fold(example.Text)));

        Assert.Equal(expected, trained.Recognizer.Recognize(text).TopIntent());
    }

    [Fact]
    public void Every_result_is_labelled_embedded_and_scores_every_intent()
    {
        var result = trained.Recognizer.Recognize("how do I clean my iluma");

        Assert.Equal(EmbeddedRecognizer.Name, result.Properties[RecognizerResults.RecognizerProperty]);
        Assert.Equal(Intents.All.Order(), result.Intents.Keys.Order());
    }

    private List<(string Language, string Intent, bool Correct)> Outcomes()
        => trained.Corpus.Test
            .Select(example => (example.Language, example.Intent, Correct: trained.Recognizer.Recognize(example.Text).TopIntent() == example.Intent))
            .ToList();

    private static double Accuracy(IEnumerable<(string Language, string Intent, bool Correct)> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : list.Count(outcome => outcome.Correct) / (double)list.Count;
    }
}
