using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Tests.Support;
using IqosBot.Recognition.Training;
using Microsoft.Bot.Builder;

namespace IqosBot.Recognition.Tests.Embedded;

/// <summary>
/// The model file the build writes so the bot need not train at start-up: loaded, it recognizes every held-out
/// message exactly as the recognizer that wrote it; made from other examples or settings, or damaged, it is not
/// used and the bot trains instead, saying why.
/// </summary>
public sealed class RecognizerModelFileTests(TrainedRecognizer trained) : IClassFixture<TrainedRecognizer>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iqosbot-model-" + Guid.NewGuid().ToString("N"));

    private string ModelPath => Path.Combine(_folder, RecognizerModelFile.FileName);

    [Fact]
    public void A_saved_model_loads_without_training_and_recognizes_every_held_out_message_as_the_trained_one()
    {
        var settings = new RecognizerSettings();
        trained.Recognizer.Save(ModelPath, trained.Corpus.Train, settings);
        string? how = null;

        var loaded = EmbeddedRecognizer.LoadOrTrain(ModelPath, trained.Corpus.Train, settings, report => how = report);

        Assert.StartsWith("loaded from", how, StringComparison.Ordinal);
        foreach (var example in trained.Corpus.Test)
        {
            var expected = trained.Recognizer.Recognize(example.Text);
            var actual = loaded.Recognize(example.Text);
            Assert.Equal(expected.GetTopScoringIntent().intent, actual.GetTopScoringIntent().intent);
            Assert.Equal(expected.GetTopScoringIntent().score, actual.GetTopScoringIntent().score, precision: 6);
        }
    }

    [Fact]
    public void A_model_made_from_other_examples_is_not_used_and_the_recognizer_is_trained_instead()
    {
        var settings = new RecognizerSettings();
        trained.Recognizer.Save(ModelPath, trained.Corpus.Train, settings);
        List<LabeledUtterance> changed = [.. trained.Corpus.Train, new LabeledUtterance("tack så jättemycket för hjälpen", "Thanks", "sv")];
        string? how = null;

        var recognizer = EmbeddedRecognizer.LoadOrTrain(ModelPath, changed, settings, report => how = report);

        Assert.StartsWith("trained at start-up", how, StringComparison.Ordinal);
        Assert.Contains("other examples", how, StringComparison.Ordinal);
        Assert.Equal("Thanks", recognizer.Recognize("tack så jättemycket för hjälpen").GetTopScoringIntent().intent);
    }

    [Fact]
    public void A_model_trained_with_other_settings_or_a_damaged_or_missing_file_is_not_used()
    {
        trained.Recognizer.Save(ModelPath, trained.Corpus.Train, new RecognizerSettings());
        Assert.NotEqual(
            RecognizerModelFile.Fingerprint(trained.Corpus.Train, new RecognizerSettings()),
            RecognizerModelFile.Fingerprint(trained.Corpus.Train, new RecognizerSettings { L2Regularization = 0.01f }));

        var bytes = File.ReadAllBytes(ModelPath);
        File.WriteAllBytes(ModelPath, bytes[..(bytes.Length / 2)]);
        string? how = null;
        EmbeddedRecognizer.LoadOrTrain(ModelPath, trained.Corpus.Train, new RecognizerSettings(), report => how = report);
        Assert.Contains("could not be read", how, StringComparison.Ordinal);

        EmbeddedRecognizer.LoadOrTrain(Path.Combine(_folder, "nothing-here.model"), trained.Corpus.Train, new RecognizerSettings(), report => how = report);
        Assert.Contains("no model file", how, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
