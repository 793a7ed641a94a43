using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Tests.Support;

/// <summary>
/// The embedded recognizer trained on the real training split with the default settings, as the bot
/// trains it at start-up. Training takes seconds, so it happens once per test run and every class that
/// needs it gets it as a class fixture. The recognizer is safe to share: predictions borrow from a pool.
/// </summary>
public sealed class TrainedRecognizer
{
    private static readonly Lazy<(UtteranceCorpus Corpus, EmbeddedRecognizer Recognizer)> Trained = new(() =>
    {
        var corpus = UtteranceCorpus.LoadEmbedded();
        var recognizer = EmbeddedRecognizer.Train(corpus.Train, new RecognizerSettings());

        // Build the first prediction engine now, so no test's timing includes it.
        recognizer.Recognize("hej");
        return (corpus, recognizer);
    });

    public UtteranceCorpus Corpus => Trained.Value.Corpus;

    public EmbeddedRecognizer Recognizer => Trained.Value.Recognizer;
}
