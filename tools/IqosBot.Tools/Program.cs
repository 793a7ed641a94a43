using System.Diagnostics;
using IqosBot.Recognition;
using IqosBot.Recognition.Clu;
using IqosBot.Recognition.Evaluation;
using IqosBot.Recognition.Training;

// The knowledge commands:
//   clu-export [file]  writes the CLU project import file (default deployment/clu/iqosbot.clu.json)
//   accuracy           prints the embedded recognizer's held-out accuracy, latency and memory, and per language
//                      recall and precision per intent, the worst confusions, None recall and the "did you mean" rate
//   hash-password      reads a password from standard input, prints its hash for AgentConsole:Accounts
//   recognize          reads messages from standard input, one a line, and prints the embedded recognizer's top three intents
//   personal-data export|erase --email X | --phone P | --conversation C
//                      a data-subject request: everything the bot holds about that person as JSON, or erased everywhere
//   migrate            applies the PostgreSQL schema migrations of the bot's configuration (Storage:Provider=Postgres)
//   teams-package      builds the Teams app package (iqosbot-teams.zip) with this deployment's ids and host
//   demo-traffic       plays a few hundred realistic customer conversations (and an agent) against a running bot
var command = args.FirstOrDefault();
var corpus = UtteranceCorpus.LoadEmbedded();
var settings = new RecognizerSettings();

// Tuning knobs for the accuracy command: --threshold 0.4 --l2 0.001 --margin 0.08
for (var i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--threshold":
            settings.NoneThreshold = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--l2":
            settings.L2Regularization = float.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--margin":
            settings.AmbiguityMargin = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            break;
    }
}

switch (command)
{
    case "clu-export":
        var path = Path.GetFullPath(args.ElementAtOrDefault(1) ?? Path.Combine(RepositoryRoot(), "deployment", "clu", "iqosbot.clu.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var project = CluProjectExporter.Build(corpus, "iqosbot", settings.NoneThreshold);
        File.WriteAllText(path, CluProjectExporter.Serialize(project));
        Console.WriteLine($"Wrote {path}: {corpus.Train.Count} training and {corpus.Test.Count} test utterances.");
        return 0;

    case "accuracy":
        var report = AccuracyReport.Run(corpus, settings);
        Console.Write(report.Format());
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine($"\nResident memory after training and evaluation: {process.WorkingSet64 / (1024 * 1024)} MB (peak {process.PeakWorkingSet64 / (1024 * 1024)} MB)");
        }

        Console.WriteLine("The bot's per-turn cost with recognition in the loop: bench/run.sh.");
        return 0;

    case "recognize":
        var recognizer = IqosBot.Recognition.Embedded.EmbeddedRecognizer.Train(corpus.Train, settings);
        while (Console.ReadLine() is { } line)
        {
            var scores = recognizer.Recognize(line).Intents.OrderByDescending(intent => intent.Value.Score).Take(3)
                .Select(intent => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{intent.Key} {intent.Value.Score:0.00}"));
            Console.WriteLine($"{line}\t{string.Join("  ", scores)}");
        }

        return 0;

    case "teams-package":
        return IqosBot.Tools.TeamsPackageCommand.Run(args, RepositoryRoot(), Console.Out, Console.Error);

    case "migrate":
        return await IqosBot.Tools.MigrateCommand.RunAsync(RepositoryRoot(), Console.Out, Console.Error);

    case "demo-traffic":
        return await IqosBot.Tools.Demo.DemoTrafficCommand.RunAsync([.. args.Skip(1)], Console.Out, Console.Error);

    case "personal-data":
        return await IqosBot.Tools.PersonalDataCommand.RunAsync(args, RepositoryRoot(), Console.Out, Console.Error);

    case "hash-password":
        // From standard input, not the command line: arguments end up in shell history and process lists.
        if (!Console.IsInputRedirected)
        {
            Console.Error.Write("Password: ");
        }

        var password = Console.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            Console.Error.WriteLine("Give a password of at least 12 characters.");
            return 2;
        }

        Console.WriteLine(new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), password));
        return 0;

    default:
        Console.Error.WriteLine("usage: dotnet run --project tools/IqosBot.Tools -- clu-export [file] | accuracy | recognize | hash-password | personal-data export|erase --email X | migrate | " + IqosBot.Tools.TeamsPackageCommand.Usage);
        return 2;
}

// The tool runs from its own bin folder or the repository; the repository root is where IqosBot.sln is.
static string RepositoryRoot()
{
    var directory = new DirectoryInfo(Environment.CurrentDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IqosBot.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Environment.CurrentDirectory;
}
