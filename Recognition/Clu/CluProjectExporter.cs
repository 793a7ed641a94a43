using System.Text.Json;
using System.Text.Json.Nodes;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Clu;

/// <summary>
/// Writes the CLU project import file (conversation project, multilingual) from the same utterance
/// files the embedded recognizer trains on: the train split as dataset "Train", the held-out split as "Test".
/// </summary>
public static class CluProjectExporter
{
    public const string ProjectFileVersion = "2022-10-01-preview";

    public static JsonObject Build(UtteranceCorpus corpus, string projectName, double confidenceThreshold)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var utterances = new JsonArray();
        foreach (var (split, examples) in new[] { ("Train", corpus.Train), ("Test", corpus.Test) })
        {
            foreach (var example in examples)
            {
                utterances.Add(new JsonObject
                {
                    ["text"] = example.Text,
                    ["intent"] = example.Intent,
                    ["language"] = CluLanguages.For(example.Language),
                    ["dataset"] = split,
                    ["entities"] = new JsonArray(),
                });
            }
        }

        return new JsonObject
        {
            ["projectFileVersion"] = ProjectFileVersion,
            ["stringIndexType"] = "Utf16CodeUnit",
            ["metadata"] = new JsonObject
            {
                ["projectKind"] = "Conversation",
                ["projectName"] = projectName,
                ["multilingual"] = true,
                ["description"] = "IqosBot customer support intents (Swedish and English), generated from knowledge/utterances.",
                ["language"] = "sv",
                ["settings"] = new JsonObject { ["confidenceThreshold"] = confidenceThreshold },
            },
            ["assets"] = new JsonObject
            {
                ["projectKind"] = "Conversation",
                // CLU has a built-in None intent; it is listed like the others so its examples import.
                ["intents"] = new JsonArray(Intents.All.Select(intent => (JsonNode)new JsonObject { ["category"] = intent }).ToArray()),
                ["entities"] = new JsonArray(),
                ["utterances"] = utterances,
            },
        };
    }

    public static string Serialize(JsonObject project)
        => project.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

}
