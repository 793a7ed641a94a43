using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IqosBot.Recognition.Training;

namespace IqosBot.Recognition.Embedded;

/// <summary>
/// The trained classifier as a file the build writes beside the bot (<see cref="FileName"/>), so a new instance
/// answers within a second of starting instead of training for seconds first. The file names what it was trained
/// on: a fingerprint of the examples, the settings that shape training and the ML.NET version. A file whose
/// fingerprint differs (the knowledge or the settings changed since the build), or that cannot be read, is not
/// used: the bot trains instead, and says why.
/// </summary>
public static class RecognizerModelFile
{
    public const string FileName = "recognizer.model";

    private const string Magic = "IQOSBOT-RECOGNIZER 1";

    /// <summary>Where the bot looks for the file: beside its own assembly.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    internal static void Write(string path, MaxEntClassifier classifier, IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Written next to the target and moved over it: a bot starting meanwhile never reads half a file.
        var temporary = path + ".tmp";
        // The model is a zip, whose offsets count from its own first byte: saved on its own, then put after the header.
        using var model = new MemoryStream();
        classifier.Save(model);
        using (var file = File.Create(temporary))
        {
            file.Write(Encoding.UTF8.GetBytes(Magic + "\n" + Fingerprint(examples, settings) + "\n"));
            model.Position = 0;
            model.CopyTo(file);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The classifier in the file, or null with the reason it was not used.</summary>
    internal static MaxEntClassifier? TryRead(string? path, IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings, out string whyNot)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            whyNot = $"no model file at {path}";
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            var expected = Encoding.UTF8.GetBytes(Magic + "\n" + Fingerprint(examples, settings) + "\n");
            if (bytes.Length <= expected.Length || !bytes.AsSpan(0, expected.Length).SequenceEqual(expected))
            {
                whyNot = $"{path} was made from other examples, settings or ML.NET version";
                return null;
            }

            using var model = new MemoryStream(bytes, expected.Length, bytes.Length - expected.Length, writable: false);
            whyNot = string.Empty;
            return MaxEntClassifier.Load(model);
        }
#pragma warning disable CA1031 // Any unreadable file means: train instead. The bot must start either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            whyNot = $"{path} could not be read ({exception.GetType().Name})";
            return null;
        }
    }

    /// <summary>SHA-256 of everything training depends on, in hex.</summary>
    public static string Fingerprint(IReadOnlyList<LabeledUtterance> examples, RecognizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(settings);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(Magic);
        Add(typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString() ?? "?");
        Add(settings.L2Regularization.ToString("R", CultureInfo.InvariantCulture));
        foreach (var example in examples)
        {
            Add(example.Intent + "\t" + example.Text);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
