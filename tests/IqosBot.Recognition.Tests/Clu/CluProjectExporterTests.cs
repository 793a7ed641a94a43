using System.Diagnostics;
using System.Text.Json.Nodes;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Clu;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Tests.Clu;

/// <summary>The CLU project import file made from the utterance files.</summary>
public sealed class CluProjectExporterTests
{
    private static readonly UtteranceCorpus Corpus = UtteranceCorpus.LoadEmbedded();

    [Fact]
    public void The_project_is_a_multilingual_conversation_project_with_every_intent()
    {
        var project = CluProjectExporter.Build(Corpus, "iqosbot", 0.3);

        Assert.Equal("Utf16CodeUnit", (string?)project["stringIndexType"]);
        Assert.Equal("Conversation", (string?)project["metadata"]!["projectKind"]);
        Assert.Equal("Conversation", (string?)project["assets"]!["projectKind"]);
        Assert.True((bool)project["metadata"]!["multilingual"]!);
        Assert.Equal("iqosbot", (string?)project["metadata"]!["projectName"]);
        Assert.Equal(0.3, (double)project["metadata"]!["settings"]!["confidenceThreshold"]!);

        var intents = project["assets"]!["intents"]!.AsArray().Select(intent => (string)intent!["category"]!).ToList();
        Assert.Equal(21, intents.Count);
        Assert.Equal(Intents.All.Order(), intents.Order());
    }

    [Fact]
    public void Every_train_and_test_utterance_is_exported_exactly_once_with_its_dataset_and_CLU_language()
    {
        var project = CluProjectExporter.Build(Corpus, "iqosbot", 0.3);

        var exported = Utterances(project).Order().ToList();
        var expected = Corpus.Train.Select(example => Row(example, "Train"))
            .Concat(Corpus.Test.Select(example => Row(example, "Test")))
            .Order()
            .ToList();

        Assert.Equal(expected, exported);
        Assert.Equal(["en-us", "sv"], exported.Select(row => row.Split('\t')[2]).Distinct().Order());

        static string Row(LabeledUtterance example, string dataset)
            => string.Join('\t', example.Text, example.Intent, example.Language == "en" ? "en-us" : example.Language, dataset);
    }

    [Fact]
    public async Task The_clu_export_command_writes_a_parseable_project_file()
    {
        // The tool's own build output is copied next to the tests (see the project reference).
        var tool = Path.Combine(AppContext.BaseDirectory, "IqosBot.Tools.dll");
        var file = Path.Combine(Path.GetTempPath(), $"iqosbot-clu-{Guid.NewGuid():N}.json");
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { tool, "clu-export", file })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, $"clu-export exited with {process.ExitCode}: {await error}{await output}");

            var text = await File.ReadAllTextAsync(file);
            var written = JsonNode.Parse(text)!.AsObject();
            Assert.Equal(Corpus.Train.Count + Corpus.Test.Count, Utterances(written).Count);
            Assert.Equal(Utterances(CluProjectExporter.Build(Corpus, "iqosbot", new RecognizerSettings().NoneThreshold)).Order(), Utterances(written).Order());
            // Swedish stays readable in the file (no \u00e4 escapes), as the exporter intends.
            Assert.Contains("ä", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> Utterances(JsonObject project)
        => project["assets"]!["utterances"]!.AsArray()
            .Select(node => string.Join('\t', (string)node!["text"]!, (string)node["intent"]!, (string)node["language"]!, (string)node["dataset"]!))
            .ToList();
}
