using System.Collections.Concurrent;
using IqosBot.Recognition.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace IqosBot.Recognition.Embedded;

/// <summary>
/// ML.NET text classifier: word 1–2 grams and character 1–3 grams of the folded text, into a
/// multiclass maximum-entropy model. L2 is kept low: with a hundred-odd examples per intent the default
/// regularisation underfits badly. Character grams stop at 3: the nearest-neighbour scorer beside it
/// covers the longer ones, and 4-grams cost a second of training for no accuracy (measured on
/// 5,100 examples: 1–4 grams 95.6 % held out with 4.7 s for this model, 1–3 grams 96.2 % with 3.8 s).
/// </summary>
internal sealed class MaxEntClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    // PredictionEngine is not thread-safe and costly to build: keep a few and lend them out.
    private readonly ConcurrentBag<PredictionEngine<Input, Output>> _engines = [];

    private MaxEntClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> labels)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        Labels = labels;
    }

    /// <summary>Intent names in the order of <see cref="Predict"/>'s scores.</summary>
    public IReadOnlyList<string> Labels { get; }

    public static MaxEntClassifier Train(IReadOnlyList<LabeledUtterance> examples, float l2Regularization, int seed = 1)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(example => new Input { Label = example.Intent, Text = Fold(example.Text) }));

        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Input.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(Input.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = l2Regularization,
                L1Regularization = 0,
                // Converged enough for ranking intents; tighter tolerances cost seconds at start-up for no accuracy.
                OptimizationTolerance = 1e-4f,
                MaximumNumberOfIterations = 200,
            }));

        var model = pipeline.Fit(data);
        return new MaxEntClassifier(ml, model, data.Schema, LabelsOf(model, data.Schema));
    }

    /// <summary>The trained model as ML.NET saves it (a zip of its transforms and weights).</summary>
    public void Save(Stream stream) => _ml.Model.Save(_model, _inputSchema, stream);

    /// <summary>A model <see cref="Save"/> wrote; <paramref name="stream"/> must be seekable.</summary>
    public static MaxEntClassifier Load(Stream stream)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(stream, out var inputSchema);
        return new MaxEntClassifier(ml, model, inputSchema, LabelsOf(model, inputSchema));
    }

    private static string[] LabelsOf(ITransformer model, DataViewSchema inputSchema)
    {
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slotNames);
        return slotNames.DenseValues().Select(name => name.ToString()).ToArray();
    }

    /// <summary>Probabilities per intent, in the order of <see cref="Labels"/>.</summary>
    public float[] Predict(string foldedText)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<Input, Output>(_model);
        }

        try
        {
            return engine.Predict(new Input { Text = foldedText }).Score;
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    internal static string Fold(string? text) => Dialogs.Choices.TextNormalizer.Fold(text);

    private sealed class Input
    {
        public string Label { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;
    }

    private sealed class Output
    {
        public float[] Score { get; set; } = [];
    }
}
