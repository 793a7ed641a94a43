using System.Globalization;
using System.Security;
using IqosBot.TextKeys.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace IqosBot.Dialogs.Tests.Resources;

/// <summary>
/// Runs the TextKey source generator (build/IqosBot.TextKeys.Generator) on small resx files of its own:
/// what it writes for a text, and the errors that stop the build for a key it cannot name.
/// ResourceTests checks the TextKey the build generated against the real Strings.resx and Strings.sv.resx.
/// </summary>
public sealed class TextKeyGeneratorTests
{
    private const string ResxPath = "/repo/Dialogs/Resources/Strings.resx";

    /// <summary>Resx() writes the XML declaration and the root on lines 1 and 2; the n-th text is on line n + 2.</summary>
    private const int FirstTextLine = 3;

    [Fact]
    public void Each_text_becomes_a_public_constant_named_and_valued_as_its_key_and_summarised_by_its_english()
    {
        var (source, diagnostics) = Run(ResxPath, Resx(("Welcome", "Hi!"), ("MenuPrompt", "What can I help you with?")));

        Assert.Empty(diagnostics);
        Assert.Contains("namespace IqosBot.Dialogs.Resources", source);
        Assert.Contains("public static class TextKey", source);
        Assert.Contains("/// <summary>Hi!</summary>\n        public const string Welcome = \"Welcome\";", source.ReplaceLineEndings("\n"));
        Assert.Contains("/// <summary>What can I help you with?</summary>", source);
        Assert.Contains("public const string MenuPrompt = \"MenuPrompt\";", source);
    }

    [Fact]
    public void The_english_wording_is_escaped_so_the_doc_comment_is_well_formed_xml()
    {
        var (source, diagnostics) = Run(ResxPath, Resx(("Terms", "Fish & <chips> \"to go\"\nSecond line {0}")));

        Assert.Empty(diagnostics);
        Assert.Contains("/// Fish &amp; &lt;chips&gt; \"to go\"<br/>", source);
        Assert.Contains("/// Second line {0}", source);

        // The compiler checks doc comments only when it is asked to (GenerateDocumentationFile is off in the repository).
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose));
        var compilation = CSharpCompilation.Create(
            "TextKeyCheck", [tree], CoreReferences(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("2Fast")]
    [InlineData("Has space")]
    [InlineData("Menu-Prompt")]
    [InlineData("class")]
    [InlineData("TextKey")]
    [InlineData("")]
    public void A_key_that_is_no_identifier_is_an_error_on_its_line_and_the_other_texts_still_come(string key)
    {
        var (source, diagnostics) = Run(ResxPath, Resx(("Welcome", "Hi!"), (key, "Oops")));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("IQT001", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Contains($"'{key}'", error.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(error, FirstTextLine + 1);
        Assert.Contains("public const string Welcome = \"Welcome\";", source);
        Assert.DoesNotContain("Oops", source);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_on_the_second_and_is_written_once()
    {
        var (source, diagnostics) = Run(ResxPath, Resx(("Welcome", "Hi!"), ("Greeting", "Hello"), ("Welcome", "Hi again!")));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("IQT002", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Contains("'Welcome'", error.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(error, FirstTextLine + 2);
        Assert.Single(source.Split("public const string Welcome =").Skip(1));
        Assert.DoesNotContain("Hi again!", source);
    }

    [Fact]
    public void Keys_differing_only_in_case_are_two_keys_as_for_the_resource_manager()
    {
        var (source, diagnostics) = Run(ResxPath, Resx(("Welcome", "Hi!"), ("WELCOME", "HI!")));

        Assert.Empty(diagnostics);
        Assert.Contains("public const string WELCOME = \"WELCOME\";", source);
    }

    [Fact]
    public void A_resx_that_is_not_xml_is_an_error()
    {
        var (_, diagnostics) = Run(ResxPath, "<root><data name=\"Welcome\"><value>Hi!</value></root>");

        var error = Assert.Single(diagnostics);
        Assert.Equal(("IQT003", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Equal(ResxPath, error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Without_strings_resx_among_the_additional_files_the_generator_says_so()
    {
        // The Swedish file alone is not read: TextKey follows the English, neutral file.
        var (source, diagnostics) = Run("/repo/Dialogs/Resources/Strings.sv.resx", Resx(("Welcome", "Hej!")));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("IQT004", DiagnosticSeverity.Error), (error.Id, error.Severity));
        Assert.Empty(source);
    }

    private static void AssertAt(Diagnostic diagnostic, int line)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ResxPath, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
    }

    /// <summary>The generator's source (empty when it wrote none) and its diagnostics, for one additional file.</summary>
    private static (string Source, IReadOnlyList<Diagnostic> Diagnostics) Run(string path, string resx)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new TextKeyGenerator().AsSourceGenerator()], [new InMemoryText(path, resx)]);
        var result = driver.RunGenerators(CSharpCompilation.Create("Texts")).GetRunResult();
        var source = string.Concat(result.GeneratedTrees.Select(tree => tree.GetText().ToString()));
        return (source, result.Diagnostics);
    }

    /// <summary>A resx as the resx editor writes it, minus the resheaders the generator ignores; one text a line.</summary>
    private static string Resx(params (string Key, string English)[] texts)
        => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n"
           + string.Concat(texts.Select(text =>
               $"  <data name=\"{SecurityElement.Escape(text.Key)}\" xml:space=\"preserve\"><value>{SecurityElement.Escape(text.English)}</value></data>\n"))
           + "</root>\n";

    /// <summary>The runtime's own assemblies, enough to compile the generated class.</summary>
    private static IEnumerable<MetadataReference> CoreReferences()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(file => Path.GetFileName(file) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
            .Select(file => MetadataReference.CreateFromFile(file));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
