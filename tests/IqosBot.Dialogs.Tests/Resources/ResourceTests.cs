using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Resources;

namespace IqosBot.Dialogs.Tests.Resources;

/// <summary>
/// Reads the .resx files themselves: through the ResourceManager a key missing from Strings.sv.resx
/// would quietly fall back to English and no test would notice.
/// </summary>
public sealed partial class ResourceTests
{
    /// <summary>Keys whose Swedish and English texts are rightly the same. None so far.</summary>
    private static readonly HashSet<string> SameInBothLanguages = [];

    private static readonly Lazy<Dictionary<string, string>> English = new(() => Load("Strings.resx"));
    private static readonly Lazy<Dictionary<string, string>> Swedish = new(() => Load("Strings.sv.resx"));

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in TextKeys())
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_key_has_an_english_and_a_swedish_text(string key)
    {
        Assert.False(string.IsNullOrWhiteSpace(English.Value.GetValueOrDefault(key)), $"Strings.resx lacks '{key}'.");
        Assert.False(string.IsNullOrWhiteSpace(Swedish.Value.GetValueOrDefault(key)), $"Strings.sv.resx lacks '{key}'.");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Swedish_is_not_a_copy_of_english(string key)
    {
        if (SameInBothLanguages.Contains(key))
        {
            Assert.Equal(English.Value[key], Swedish.Value[key]);
            return;
        }

        Assert.NotEqual(English.Value[key], Swedish.Value[key]);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Both_languages_use_the_same_placeholders(string key)
        => Assert.Equal(Placeholders(English.Value[key]), Placeholders(Swedish.Value[key]));

    [Fact]
    public void The_resx_files_have_no_texts_that_TextKey_does_not_name()
    {
        var keys = TextKeys().ToHashSet();

        Assert.Subset(keys, English.Value.Keys.ToHashSet());
        Assert.Subset(keys, Swedish.Value.Keys.ToHashSet());
    }

    [Fact]
    public void The_swedish_file_has_exactly_the_english_files_keys()
    {
        var missingInSwedish = English.Value.Keys.Except(Swedish.Value.Keys).Order(StringComparer.Ordinal).ToArray();
        var onlyInSwedish = Swedish.Value.Keys.Except(English.Value.Keys).Order(StringComparer.Ordinal).ToArray();

        Assert.True(missingInSwedish.Length == 0, "Strings.sv.resx lacks " + string.Join(", ", missingInSwedish));
        Assert.True(onlyInSwedish.Length == 0, "Strings.resx lacks " + string.Join(", ", onlyInSwedish));
    }

    /// <summary>
    /// TextKey comes from build/IqosBot.TextKeys.Generator (a hand-kept copy would drift from the resx again),
    /// and each constant is its own key, so that <c>TextKey.X</c> finds the text named X.
    /// </summary>
    [Fact]
    public void TextKey_is_generated_and_each_constant_holds_its_own_name()
    {
        Assert.Equal("IqosBot.TextKeys.Generator", typeof(TextKey).GetCustomAttribute<GeneratedCodeAttribute>()?.Tool);
        foreach (var field in TextKeyFields())
        {
            Assert.Equal(field.Name, field.GetRawConstantValue());
        }

        Assert.Equal(English.Value.Count, TextKeyFields().Count());
    }

    [Fact]
    public void The_bot_reads_swedish_from_the_swedish_file_and_english_from_the_neutral_one()
    {
        foreach (var key in TextKeys())
        {
            Assert.Equal(Swedish.Value[key], Texts.Get(CustomerLanguage.Swedish, key));
            Assert.Equal(English.Value[key], Texts.Get(CustomerLanguage.English, key));
        }
    }

    private static IEnumerable<string> TextKeys() => TextKeyFields().Select(field => (string)field.GetRawConstantValue()!);

    private static IEnumerable<FieldInfo> TextKeyFields()
        => typeof(TextKey).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string));

    private static string[] Placeholders(string text)
        => [.. PlaceholderPattern().Matches(text).Select(match => match.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    private static Dictionary<string, string> Load(string fileName)
        => XDocument.Load(Path.Combine(ResourceDirectory(), fileName))
            .Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? string.Empty);

    /// <summary>Dialogs/Resources in the repository, found from the test's output directory.</summary>
    private static string ResourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Dialogs", "Resources");
            if (File.Exists(Path.Combine(candidate, "Strings.sv.resx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Dialogs/Resources was not found above " + AppContext.BaseDirectory);
    }
}
