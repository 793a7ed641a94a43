using System;
using System.Collections.Generic;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace IqosBot.TextKeys.Generator;

/// <summary>One text of Strings.resx: its key and its English wording.</summary>
internal sealed class ResxText(string key, string english) : IEquatable<ResxText>
{
    public string Key { get; } = key;

    public string English { get; } = english;

    public bool Equals(ResxText? other) => other is not null && Key == other.Key && English == other.English;

    public override bool Equals(object? obj) => Equals(obj as ResxText);

    public override int GetHashCode() => unchecked((Key.GetHashCode() * 31) + English.GetHashCode());
}

/// <summary>
/// Something wrong in the resx, kept as plain values (no Roslyn Location) so that the pipeline can compare
/// it with the last build's; it becomes a diagnostic at the line of the resx that causes it.
/// </summary>
internal sealed class ResxProblem(DiagnosticDescriptor descriptor, string path, TextSpan span, LinePositionSpan lines, string argument)
    : IEquatable<ResxProblem>
{
    private DiagnosticDescriptor Descriptor { get; } = descriptor;

    private string Path { get; } = path;

    private TextSpan Span { get; } = span;

    private LinePositionSpan Lines { get; } = lines;

    private string Argument { get; } = argument;

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location.Create(Path, Span, Lines), Argument);

    public bool Equals(ResxProblem? other)
        => other is not null && Descriptor.Id == other.Descriptor.Id && Path == other.Path
           && Span == other.Span && Lines == other.Lines && Argument == other.Argument;

    public override bool Equals(object? obj) => Equals(obj as ResxProblem);

    public override int GetHashCode() => unchecked((Descriptor.Id.GetHashCode() * 31) + Span.GetHashCode());
}

/// <summary>The keys of one resx file that can become C# constants, and what keeps the others from it.</summary>
internal sealed class ResxKeys(EquatableArray<ResxText> texts, EquatableArray<ResxProblem> problems) : IEquatable<ResxKeys>
{
    public EquatableArray<ResxText> Texts { get; } = texts;

    public EquatableArray<ResxProblem> Problems { get; } = problems;

    public bool Equals(ResxKeys? other) => other is not null && Texts.Equals(other.Texts) && Problems.Equals(other.Problems);

    public override bool Equals(object? obj) => Equals(obj as ResxKeys);

    public override int GetHashCode() => unchecked((Texts.GetHashCode() * 31) + Problems.GetHashCode());

    /// <summary>
    /// Reads the string entries (<c>data</c> without a <c>type</c>, as the resx editor writes them) in file
    /// order. A key that is no C# identifier, or that repeats one before it, is reported and left out, so the
    /// rest still compiles and the build shows the one real error rather than hundreds of missing constants.
    /// </summary>
    public static ResxKeys Read(string path, SourceText? source)
    {
        var texts = new List<ResxText>();
        var problems = new List<ResxProblem>();
        if (source is null)
        {
            problems.Add(new ResxProblem(Descriptors.UnreadableResx, path, default, default, "the file could not be read"));
            return new ResxKeys(new([.. texts]), new([.. problems]));
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(source.ToString(), LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            var at = Position(source, exception.LineNumber, exception.LinePosition, 0);
            problems.Add(new ResxProblem(Descriptors.UnreadableResx, path, at.Span, at.Lines, exception.Message));
            return new ResxKeys(new([.. texts]), new([.. problems]));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var data in document.Root?.Elements("data") ?? [])
        {
            if (data.Attribute("type") is not null || data.Attribute("mimetype") is not null)
            {
                continue; // a file or binary resource, not a text
            }

            var name = data.Attribute("name");
            var key = name?.Value ?? string.Empty;
            IXmlLineInfo where = name is null ? data : name;
            var at = Position(source, where.LineNumber, where.LinePosition, name is null ? "data".Length : $"name=\"{key}\"".Length);
            if (!IsIdentifier(key))
            {
                problems.Add(new ResxProblem(Descriptors.InvalidKey, path, at.Span, at.Lines, key));
            }
            else if (!seen.Add(key))
            {
                problems.Add(new ResxProblem(Descriptors.DuplicateKey, path, at.Span, at.Lines, key));
            }
            else
            {
                texts.Add(new ResxText(key, data.Element("value")?.Value ?? string.Empty));
            }
        }

        return new ResxKeys(new([.. texts]), new([.. problems]));
    }

    /// <summary>
    /// A name usable as is for a constant of the class TextKey: an identifier that is no keyword (an
    /// <c>@</c>-escaped name would differ from the key) and not the class's own name (CS0542).
    /// </summary>
    private static bool IsIdentifier(string key)
        => SyntaxFacts.IsValidIdentifier(key)
           && SyntaxFacts.GetKeywordKind(key) == SyntaxKind.None
           && key != TextKeyGenerator.ClassName;

    /// <summary>The span in the file of an XML line and column (1-based, as XmlReader counts), kept inside the file.</summary>
    private static (TextSpan Span, LinePositionSpan Lines) Position(SourceText source, int line, int column, int length)
    {
        if (line < 1 || line > source.Lines.Count)
        {
            return (default, default);
        }

        var textLine = source.Lines[line - 1];
        var start = Math.Min(textLine.Start + Math.Max(column - 1, 0), textLine.End);
        var end = Math.Min(start + length, textLine.End);
        var span = TextSpan.FromBounds(start, end);
        return (span, source.Lines.GetLinePositionSpan(span));
    }
}
