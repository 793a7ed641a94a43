namespace IqosBot.Dialogs.Resources;

/// <summary>The names of the customer-facing texts in Strings.resx (English) and Strings.sv.resx (Swedish).</summary>
public static class TextKey
{
    public const string Welcome = nameof(Welcome);

    public const string MenuPrompt = nameof(MenuPrompt);

    public const string Greeting = nameof(Greeting);

    public const string HelpIntro = nameof(HelpIntro);

    public const string Fallback = nameof(Fallback);

    public const string MenuRegister = nameof(MenuRegister);

    public const string MenuWarranty = nameof(MenuWarranty);

    public const string MenuQuestions = nameof(MenuQuestions);

    public const string MenuPerson = nameof(MenuPerson);

    public const string TopicRegister = nameof(TopicRegister);

    public const string TopicWarranty = nameof(TopicWarranty);

    public const string TopicQuestions = nameof(TopicQuestions);

    public const string PersonInterim = nameof(PersonInterim);

    public const string AnythingElse = nameof(AnythingElse);

    public const string InterruptionHelp = nameof(InterruptionHelp);

    public const string InterruptionCancelled = nameof(InterruptionCancelled);

    public const string InterruptionResume = nameof(InterruptionResume);

    public const string ChoiceRetry = nameof(ChoiceRetry);

    public const string ConfirmRetry = nameof(ConfirmRetry);

    public const string ConfirmYes = nameof(ConfirmYes);

    public const string ConfirmNo = nameof(ConfirmNo);

    public const string ErrorGeneric = nameof(ErrorGeneric);

    public const string ContactTitle = nameof(ContactTitle);

    public const string ContactPhoneLabel = nameof(ContactPhoneLabel);

    public const string ContactEmailLabel = nameof(ContactEmailLabel);

    public const string ContactHoursLabel = nameof(ContactHoursLabel);

    public const string ContactOtherChannels = nameof(ContactOtherChannels);

    public const string ContactCall = nameof(ContactCall);

    public const string ContactSendEmail = nameof(ContactSendEmail);

    public const string ContactFallbackText = nameof(ContactFallbackText);

    public const string ClosedDay = nameof(ClosedDay);

    public const string FaqDidThisHelp = nameof(FaqDidThisHelp);

    public const string FaqGlad = nameof(FaqGlad);

    public const string FaqOfferPerson = nameof(FaqOfferPerson);

    public const string FaqNoPerson = nameof(FaqNoPerson);

    public const string DisambiguationPrompt = nameof(DisambiguationPrompt);

    public const string DisambiguationOther = nameof(DisambiguationOther);
}
