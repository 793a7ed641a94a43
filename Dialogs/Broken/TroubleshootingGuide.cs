using System.Text.Json;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Broken;

/// <summary>The device families the troubleshooting steps are written for.</summary>
public static class Families
{
    /// <summary>IQOS ILUMA, ILUMA PRIME, ILUMA i, ILUMA i PRIME: a holder and a pocket charger.</summary>
    public const string Iluma = "iluma";

    /// <summary>IQOS ILUMA ONE, ILUMA i ONE: all in one.</summary>
    public const string IlumaOne = "iluma-one";

    /// <summary>IQOS 3 DUO, IQOS 3, IQOS 3 MULTI.</summary>
    public const string Iqos3 = "iqos3";

    public static IReadOnlyList<string> All { get; } = [Iluma, IlumaOne, Iqos3];
}

/// <summary>A device a customer can pick, and the family whose steps apply to it.</summary>
public sealed record DeviceModel(string Name, string Family);

/// <summary>One troubleshooting step: what the customer is asked to do, and its <see cref="StepKinds"/> kind.</summary>
public sealed record TroubleshootingStep(string Text, string Kind);

/// <summary>
/// Model-specific troubleshooting steps from knowledge/troubleshooting/{sv,en}.json (embedded in this
/// assembly). Every step comes from the domain facts (§13, §15) and carries its source tag in the file.
/// The two languages are checked against each other at load, so a step added in one file but not the
/// other stops the bot from starting instead of reaching customers half-translated.
/// </summary>
public sealed class TroubleshootingGuide
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly string[] Languages = [CustomerLanguage.Swedish, CustomerLanguage.English];
    private static readonly Lazy<TroubleshootingGuide> SharedGuide = new(() => new TroubleshootingGuide());

    private readonly Dictionary<string, GuideFile> _files;

    public TroubleshootingGuide()
        : this(LoadEmbedded())
    {
    }

    internal TroubleshootingGuide(Dictionary<string, GuideFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Validate(files);
        _files = files;
    }

    /// <summary>One guide for the process: the files are embedded, so there is nothing to reload.</summary>
    public static TroubleshootingGuide Shared => SharedGuide.Value;

    /// <summary>The models in the order a customer looks for them, newest first.</summary>
    public IReadOnlyList<DeviceModel> Models(string language)
        => File(language).Models.Select(model => new DeviceModel(model.Name, model.Family)).ToList();

    /// <summary>
    /// The ordered steps for a symptom on a family of devices, in the customer's language. Empty when
    /// the facts give nothing to try (or the symptom or family is unknown): go straight to the claim.
    /// </summary>
    public IReadOnlyList<string> Steps(string language, string symptom, string family)
        => StepsWithKinds(language, symptom, family).Select(step => step.Text).ToList();

    /// <summary>The steps of <see cref="Steps"/> with their kinds, so steps the customer already tried can be left out.</summary>
    public IReadOnlyList<TroubleshootingStep> StepsWithKinds(string language, string symptom, string family)
    {
        if (!File(language).Symptoms.TryGetValue(symptom, out var byFamily) || !byFamily.TryGetValue(family, out var steps))
        {
            return [];
        }

        return steps.Select(step => new TroubleshootingStep(step.Text, step.Kind)).ToList();
    }

    /// <summary>The family of a model by its display name ("IQOS ILUMA i PRIME" → iluma); case and accents ignored.</summary>
    public string? FamilyOf(string modelName)
    {
        var folded = TextNormalizer.Fold(modelName);
        if (folded.Length == 0)
        {
            return null;
        }

        return File(CustomerLanguage.Default).Models
            .FirstOrDefault(model => TextNormalizer.Fold(model.Name) == folded)?.Family;
    }

    private GuideFile File(string language)
        => _files[CustomerLanguage.Normalize(language) ?? CustomerLanguage.Default];

    private static void Validate(Dictionary<string, GuideFile> files)
    {
        foreach (var language in Languages)
        {
            if (!files.TryGetValue(language, out var file))
            {
                throw new InvalidOperationException($"knowledge/troubleshooting/{language}.json is missing.");
            }

            ValidateOne(language, file);
        }

        var sv = files[CustomerLanguage.Swedish];
        var en = files[CustomerLanguage.English];
        var svModels = string.Join(", ", sv.Models.Select(model => $"{model.Name} ({model.Family})"));
        var enModels = string.Join(", ", en.Models.Select(model => $"{model.Name} ({model.Family})"));
        if (svModels != enModels)
        {
            throw new InvalidOperationException($"knowledge/troubleshooting: the models differ between sv.json [{svModels}] and en.json [{enModels}].");
        }

        foreach (var symptom in Symptoms.All)
        {
            foreach (var family in Families.All)
            {
                var svKinds = string.Join(", ", sv.Symptoms[symptom][family].Select(step => step.Kind));
                var enKinds = string.Join(", ", en.Symptoms[symptom][family].Select(step => step.Kind));
                if (svKinds != enKinds)
                {
                    throw new InvalidOperationException(
                        $"knowledge/troubleshooting: ({symptom}, {family}) has the steps [{svKinds}] in sv.json but [{enKinds}] in en.json; keep the languages in step.");
                }
            }
        }
    }

    private static void ValidateOne(string language, GuideFile file)
    {
        var where = $"knowledge/troubleshooting/{language}.json";
        if (file.Models.Count == 0)
        {
            throw new InvalidOperationException($"{where} lists no models.");
        }

        foreach (var model in file.Models)
        {
            if (string.IsNullOrWhiteSpace(model.Name) || !Families.All.Contains(model.Family))
            {
                throw new InvalidOperationException($"{where}: the model '{model.Name}' has no name or an unknown family '{model.Family}'.");
            }
        }

        var duplicate = file.Models.GroupBy(model => TextNormalizer.Fold(model.Name)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{where} lists the model '{duplicate.First().Name}' twice.");
        }

        SameKeys(where, "symptoms", file.Symptoms.Keys, Symptoms.All);
        foreach (var (symptom, byFamily) in file.Symptoms)
        {
            SameKeys(where, $"families of '{symptom}'", byFamily.Keys, Families.All);
            foreach (var (family, steps) in byFamily)
            {
                if (steps is null || steps.Count > 4)
                {
                    throw new InvalidOperationException($"{where}: ({symptom}, {family}) needs a list of 0 to 4 steps.");
                }

                if (steps.Any(step => string.IsNullOrWhiteSpace(step.Text) || string.IsNullOrWhiteSpace(step.Source)))
                {
                    throw new InvalidOperationException($"{where}: ({symptom}, {family}) has a step without text or source.");
                }

                // The kind is how "I already reset it" skips the reset step: one of each at most per list.
                if (steps.FirstOrDefault(step => !StepKinds.All.Contains(step.Kind)) is { } unknownKind)
                {
                    throw new InvalidOperationException($"{where}: ({symptom}, {family}) has a step of unknown kind '{unknownKind.Kind}'; the kinds are [{string.Join(", ", StepKinds.All)}].");
                }

                if (steps.GroupBy(step => step.Kind).FirstOrDefault(group => group.Count() > 1) is { } twice)
                {
                    throw new InvalidOperationException($"{where}: ({symptom}, {family}) has two steps of kind '{twice.Key}'.");
                }
            }
        }
    }

    private static void SameKeys(string where, string what, IEnumerable<string> actual, IReadOnlyList<string> expected)
    {
        var found = actual.ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(key => !found.Contains(key)).ToList();
        var unknown = found.Where(key => !expected.Contains(key)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{where}: the {what} must be exactly [{string.Join(", ", expected)}]; missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}].");
        }
    }

    private static Dictionary<string, GuideFile> LoadEmbedded()
    {
        var assembly = typeof(TroubleshootingGuide).Assembly;
        return Languages.ToDictionary(
            language => language,
            language =>
            {
                using var stream = assembly.GetManifestResourceStream($"troubleshooting/{language}.json")
                    ?? throw new InvalidOperationException($"knowledge/troubleshooting/{language}.json is not embedded.");
                return JsonSerializer.Deserialize<GuideFile>(stream, JsonOptions)
                       ?? throw new InvalidOperationException($"knowledge/troubleshooting/{language}.json is empty.");
            });
    }

    /// <summary>The shape of one knowledge/troubleshooting/{language}.json.</summary>
    internal sealed class GuideFile
    {
        public List<ModelEntry> Models { get; init; } = [];

        /// <summary>symptom → family → ordered steps.</summary>
        public Dictionary<string, Dictionary<string, List<StepEntry>>> Symptoms { get; init; } = [];
    }

    internal sealed class ModelEntry
    {
        public string Name { get; init; } = string.Empty;

        public string Family { get; init; } = string.Empty;
    }

    internal sealed class StepEntry
    {
        /// <summary>A <see cref="StepKinds"/> value.</summary>
        public string Kind { get; init; } = string.Empty;

        public string Text { get; init; } = string.Empty;

        /// <summary>The provenance tag from the domain facts, e.g. "EU E5".</summary>
        public string Source { get; init; } = string.Empty;
    }
}
