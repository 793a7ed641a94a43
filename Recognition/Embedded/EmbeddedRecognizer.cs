using System.Diagnostics;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Training;
using Microsoft.Bot.Builder;

namespace IqosBot.Recognition.Embedded;

/// <summary>
/// The offline recognizer, trained from knowledge/utterances (by the build, into a model file the bot loads at
/// start-up; at start-up itself when the file is missing or was made from other examples): the average of an ML.NET
/// maximum-entropy classifier (probabilities) and a character n-gram nearest-neighbour scorer
/// (similarities). Explicit requests for a person are decided by rule before either model.
/// </summary>
public sealed class EmbeddedRecognizer : IRecognizer
{
    public const string Name = "embedded";

    private readonly MaxEntClassifier _classifier;
    private readonly CharNgramNearestNeighbour _neighbours;
    private readonly double _noneThreshold;

    private EmbeddedRecognizer(MaxEntClassifier classifier, CharNgramNearestNeighbour neighbours, double noneThreshold, TimeSpan trainingTime)
    {
        _classifier = classifier;
        _neighbours = neighbours;
        _noneThreshold = noneThreshold;
        TrainingTime = trainingTime;
    }

    /// <summary>How long training (or loading the model file) took.</summary>
    public TimeSpan TrainingTime { get; }

    public static EmbeddedRecognizer Train(IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(settings);
        return Train(examples, settings, Task.Run(() => Neighbours(examples)), Stopwatch.StartNew());
    }

    /// <summary>
    /// The two models learn independently: the nearest-neighbour index (<paramref name="neighboursBuilt"/>, already
    /// being built on another core) while the classifier trains here.
    /// </summary>
    private static EmbeddedRecognizer Train(IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings, Task<CharNgramNearestNeighbour> neighboursBuilt, Stopwatch stopwatch)
    {
        var classifier = MaxEntClassifier.Train(examples, settings.L2Regularization);
        return Combine(classifier, neighboursBuilt.GetAwaiter().GetResult(), examples, settings, stopwatch.Elapsed);
    }

    /// <summary>
    /// The recognizer from a model file the build wrote (<see cref="RecognizerModelFile"/>) when it was trained on
    /// exactly these examples and settings, which takes a fraction of a second; otherwise trained now, which takes
    /// seconds. <paramref name="report"/> says which, and why a file was not used.
    /// </summary>
    public static EmbeddedRecognizer LoadOrTrain(string? modelPath, IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings, Action<string>? report = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(settings);
        var stopwatch = Stopwatch.StartNew();
        var neighboursBuilt = Task.Run(() => Neighbours(examples));
        if (RecognizerModelFile.TryRead(modelPath, examples, settings, out var whyNot) is { } classifier)
        {
            var loaded = Combine(classifier, neighboursBuilt.GetAwaiter().GetResult(), examples, settings, stopwatch.Elapsed);
            report?.Invoke($"loaded from {modelPath} in {loaded.TrainingTime.TotalMilliseconds:0} ms");
            return loaded;
        }

        // The index being built serves the trained recognizer as it would have the loaded one.
        var trained = Train(examples, settings, neighboursBuilt, stopwatch);
        report?.Invoke($"trained at start-up in {trained.TrainingTime.TotalMilliseconds:0} ms: {whyNot}");
        return trained;
    }

    /// <summary>Writes this recognizer's trained classifier to <paramref name="path"/> for <see cref="LoadOrTrain"/>.</summary>
    public void Save(string path, IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings)
        => RecognizerModelFile.Write(path, _classifier, examples, settings);

    /// <summary>Labels are numbered in the classifier's order, which is ML.NET's key order: first appearance in the examples.</summary>
    private static CharNgramNearestNeighbour Neighbours(IReadOnlyList<LabeledUtterance> examples)
    {
        var labelIndex = Labels(examples).Select((label, index) => (label, index)).ToDictionary(pair => pair.label, pair => pair.index);
        return new CharNgramNearestNeighbour(examples.Select(example => (MaxEntClassifier.Fold(example.Text), labelIndex[example.Intent])).ToList(), labelIndex.Count);
    }

    private static List<string> Labels(IReadOnlyList<LabeledUtterance> examples)
        => examples.Select(example => example.Intent).Distinct(StringComparer.Ordinal).ToList();

    private static EmbeddedRecognizer Combine(MaxEntClassifier classifier, CharNgramNearestNeighbour neighbours, IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings, TimeSpan elapsed)
    {
        if (!classifier.Labels.SequenceEqual(Labels(examples), StringComparer.Ordinal))
        {
            throw new InvalidOperationException("The classifier numbered the intents differently from the order they first appear in; the two models would not line up.");
        }

        return new EmbeddedRecognizer(classifier, neighbours, settings.NoneThreshold, elapsed);
    }

    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(Recognize(turnContext.Activity.Text));
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var converted = new T();
        converted.Convert(await RecognizeAsync(turnContext, cancellationToken).ConfigureAwait(false));
        return converted;
    }

    public RecognizerResult Recognize(string? text)
    {
        var folded = MaxEntClassifier.Fold(text);
        if (folded.Length == 0)
        {
            return RecognizerResults.Create(text, [new(Intents.None, 1.0)], Intents.None, Name);
        }

        if (InterruptionDetector.Detect(text) == Interruption.HumanAgent)
        {
            return RecognizerResults.Create(text, [new(Intents.HumanAgent, 1.0)], Intents.HumanAgent, Name);
        }

        var probabilities = _classifier.Predict(folded);
        var similarities = _neighbours.Score(folded);
        var scores = new KeyValuePair<string, double>[probabilities.Length];
        var best = (Intent: Intents.None, Score: 0.0);
        for (var i = 0; i < probabilities.Length; i++)
        {
            var score = (probabilities[i] + similarities[i]) / 2.0;
            scores[i] = new(_classifier.Labels[i], score);
            if (score > best.Score)
            {
                best = (_classifier.Labels[i], score);
            }
        }

        var top = best.Score >= _noneThreshold ? best.Intent : Intents.None;
        return RecognizerResults.Create(text, scores, top, Name);
    }
}
