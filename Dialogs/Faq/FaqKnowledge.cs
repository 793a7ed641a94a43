using System.Globalization;
using System.Text.Json;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Support;
using Microsoft.Extensions.Options;

namespace IqosBot.Dialogs.Faq;

/// <summary>
/// The FAQ answers from knowledge/answers/{sv,en}.json (embedded in this assembly), with their
/// placeholders filled from configuration: contact details, hours and policy figures.
/// </summary>
public sealed class FaqKnowledge
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, Dictionary<string, FaqAnswer>> _answers;
    private volatile Dictionary<string, Dictionary<string, string>> _values;

    public FaqKnowledge(SupportOptions support, PolicyOptions policy)
        : this(LoadEmbedded(), support, policy)
    {
    }

    /// <summary>
    /// The answers with the figures and contact details as configured now: a changed phone number,
    /// opening hours or money-back period reaches the next answer without a restart.
    /// </summary>
    public FaqKnowledge(IOptionsMonitor<SupportOptions> support, IOptionsMonitor<PolicyOptions> policy)
        : this(LoadEmbedded(), (support ?? throw new ArgumentNullException(nameof(support))).CurrentValue, (policy ?? throw new ArgumentNullException(nameof(policy))).CurrentValue)
    {
        support.OnChange(changed => _values = AllPlaceholders(changed, policy.CurrentValue));
        policy.OnChange(changed => _values = AllPlaceholders(support.CurrentValue, changed));
    }

    internal FaqKnowledge(Dictionary<string, Dictionary<string, FaqAnswer>> answers, SupportOptions support, PolicyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(support);
        ArgumentNullException.ThrowIfNull(policy);
        _answers = answers;
        _values = AllPlaceholders(support, policy);
        CheckPlaceholders();
    }

    /// <summary>An FAQ answer is a titled text; small talk has text only and journeys a title only.</summary>
    public bool IsFaq(string language, string intent) => Find(language, intent) is { Title: not null, Text: not null };

    /// <summary>The entry for an intent in the customer's language, placeholders filled in.</summary>
    public FaqAnswer? Find(string language, string intent)
    {
        if (!_answers.TryGetValue(language, out var byIntent) || !byIntent.TryGetValue(intent, out var answer))
        {
            return null;
        }

        return new FaqAnswer
        {
            Title = answer.Title,
            Text = answer.Text is null ? null : Fill(answer.Text, language),
            Suggestion = answer.Suggestion,
            FollowUps = answer.FollowUps,
        };
    }

    /// <summary>The text of an entry, e.g. Thanks or HealthQuestion.</summary>
    public string Text(string language, string key)
        => Find(language, key)?.Text ?? throw new KeyNotFoundException($"knowledge/answers/{language}.json has no text for '{key}'.");

    private string Fill(string text, string language)
    {
        foreach (var (name, value) in _values[language])
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A placeholder with no value would reach a customer as "{oops}": refuse to start instead.</summary>
    private void CheckPlaceholders()
    {
        foreach (var (language, byIntent) in _answers)
        {
            foreach (var (intent, answer) in byIntent)
            {
                var filled = answer.Text is null ? string.Empty : Fill(answer.Text, language);
                var open = filled.IndexOf('{', StringComparison.Ordinal);
                if (open >= 0)
                {
                    throw new InvalidOperationException($"The {language} answer for {intent} has an unknown placeholder near '{filled[open..Math.Min(filled.Length, open + 30)]}'.");
                }
            }
        }
    }

    private static Dictionary<string, Dictionary<string, string>> AllPlaceholders(SupportOptions support, PolicyOptions policy)
        => new[] { CustomerLanguage.Swedish, CustomerLanguage.English }
            .ToDictionary(language => language, language => Placeholders(support, policy, language));

    private static Dictionary<string, string> Placeholders(SupportOptions support, PolicyOptions policy, string language)
    {
        var culture = CultureInfo.InvariantCulture;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phone"] = support.Phone,
            ["email"] = support.Email,
            ["hours"] = OpeningHoursText.Describe(support, language),
            ["moneyBackDays"] = policy.MoneyBackDays.ToString(culture),
            ["moneyBackMaxDevices"] = policy.MoneyBackMaxDevices.ToString(culture),
            ["returnDays"] = policy.ReturnDays.ToString(culture),
            ["warrantyMonths"] = policy.WarrantyMonths.ToString(culture),
            ["accidentalDamageMonths"] = policy.AccidentalDamageMonths.ToString(culture),
            ["benefitProgramMonths"] = policy.BenefitProgramMonths.ToString(culture),
            ["accessoriesDiscountPercent"] = policy.AccessoriesDiscountPercent.ToString(culture),
        };
    }

    private static Dictionary<string, Dictionary<string, FaqAnswer>> LoadEmbedded()
    {
        var assembly = typeof(FaqKnowledge).Assembly;
        return new[] { CustomerLanguage.Swedish, CustomerLanguage.English }.ToDictionary(
            language => language,
            language =>
            {
                using var stream = assembly.GetManifestResourceStream($"answers/{language}.json")
                    ?? throw new InvalidOperationException($"knowledge/answers/{language}.json is not embedded.");
                return JsonSerializer.Deserialize<Dictionary<string, FaqAnswer>>(stream, JsonOptions)
                       ?? throw new InvalidOperationException($"knowledge/answers/{language}.json is empty.");
            });
    }
}
