namespace IqosBot.Dialogs.Language;

/// <summary>
/// Chooses the language of a reply. What the customer writes wins (they switch by switching language);
/// a message with no clear sign keeps the language already in use; a new conversation starts from the
/// channel's locale; with none of these, Swedish.
/// </summary>
public static class LanguagePolicy
{
    public static string Resolve(string? remembered, string? activityLocale, string? text)
        => LanguageDetector.Detect(text)
           ?? CustomerLanguage.Normalize(remembered)
           ?? CustomerLanguage.Normalize(activityLocale)
           ?? CustomerLanguage.Default;
}
