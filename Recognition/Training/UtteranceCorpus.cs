using System.Reflection;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Recognition.Training;

/// <summary>
/// The example messages from knowledge/utterances/{language}/{Intent}.{train|test}.txt (one per line,
/// '#' starts a comment), embedded in this assembly. The train split teaches the recognizer; the test
/// split is held out to measure it.
/// </summary>
public sealed class UtteranceCorpus
{
    private const string ResourcePrefix = "utterances/";

    private UtteranceCorpus(IReadOnlyList<LabeledUtterance> train, IReadOnlyList<LabeledUtterance> test)
    {
        Train = train;
        Test = test;
    }

    public IReadOnlyList<LabeledUtterance> Train { get; }

    public IReadOnlyList<LabeledUtterance> Test { get; }

    public static UtteranceCorpus LoadEmbedded()
    {
        var assembly = typeof(UtteranceCorpus).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => (name[ResourcePrefix.Length..], Read(assembly, name)));
        return Parse(files);
    }

    /// <param name="files">Paths relative to the utterances folder ("sv/Thanks.train.txt") with their contents.</param>
    public static UtteranceCorpus Parse(IEnumerable<(string Path, string Content)> files)
    {
        var train = new List<LabeledUtterance>();
        var test = new List<LabeledUtterance>();
        foreach (var (path, content) in files)
        {
            var (language, intent, split) = ParsePath(path);
            var target = split == "train" ? train : test;
            target.AddRange(Lines(content).Select(line => new LabeledUtterance(line, intent, language)));
        }

        if (train.Count == 0)
        {
            throw new InvalidOperationException("No training utterances were found; the recognizer cannot be trained.");
        }

        return new UtteranceCorpus(train, test);
    }

    private static (string Language, string Intent, string Split) ParsePath(string path)
    {
        // Resource names may use '\' on Windows builds.
        var parts = path.Replace('\\', '/').Split('/');
        var nameParts = parts.Length == 2 ? parts[1].Split('.') : [];
        if (nameParts.Length != 3 || nameParts[2] != "txt" || nameParts[1] is not ("train" or "test"))
        {
            throw new InvalidOperationException($"'{path}' is not named {{language}}/{{Intent}}.{{train|test}}.txt.");
        }

        // A misspelt folder or file name would silently teach a language or an intent no dialog handles.
        if (parts[0] is not ("sv" or "en"))
        {
            throw new InvalidOperationException($"'{path}' is not in a language folder (sv or en).");
        }

        if (!Intents.All.Contains(nameParts[0]))
        {
            throw new InvalidOperationException($"'{path}' names an unknown intent '{nameParts[0]}'.");
        }

        return (parts[0], nameParts[0], nameParts[1]);
    }

    private static IEnumerable<string> Lines(string content)
        => content.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
