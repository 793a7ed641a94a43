using Microsoft.CodeAnalysis;

namespace IqosBot.TextKeys.Generator;

/// <summary>The errors the generator reports; each stops the build, since a text left out breaks its callers.</summary>
internal static class Descriptors
{
    private const string Category = "IqosBot.TextKeys";

    public static readonly DiagnosticDescriptor InvalidKey = new(
        "IQT001",
        "Text key is not a C# identifier",
        "The text key '{0}' in Strings.resx is not a valid C# identifier, so TextKey cannot name it: use letters, digits and '_' only, not starting with a digit, and no C# keyword",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "IQT002",
        "Text key is duplicated",
        "The text key '{0}' appears more than once in Strings.resx: keep one entry, since the resource reader would only ever return one of them",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnreadableResx = new(
        "IQT003",
        "Strings.resx cannot be read",
        "Strings.resx cannot be read as XML, so no TextKey is generated: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingResx = new(
        "IQT004",
        "Strings.resx is not an AdditionalFiles item",
        "The TextKey generator expects exactly one Strings.resx among the project's AdditionalFiles items, found {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
