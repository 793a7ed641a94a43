using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Listening;

/// <summary>What a message says that wins over any answer to the question on screen, in the order it wins.</summary>
public enum CustomerSignal
{
    None,

    /// <summary>The customer says they are under 18.</summary>
    Minor,

    /// <summary>A personal identity number or a card number typed by mistake.</summary>
    SensitiveNumber,
    HealthQuestion,
    TobaccoPurchase,
    OtherBrand,
    Person,
    Cancel,
    Goodbye,
    Thanks,
    Help,

    /// <summary>"It works again now."</summary>
    Solved,
}

/// <summary>
/// Reads the signals of <see cref="CustomerSignal"/> from a message, from anywhere in it. One reading for
/// the top of the conversation and for every prompt, so safety, compliance and leaving behave the same at
/// every step.
/// </summary>
public static class CustomerSignals
{
    private const int MaximumScan = 2000;

    public static CustomerSignal Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CustomerSignal.None;
        }

        // Longer than the bot reads (Messages:MaxLength): only what must never be kept is looked for.
        if (text.Length > MaximumScan)
        {
            return SensitiveNumbers.Contains(text) ? CustomerSignal.SensitiveNumber : CustomerSignal.None;
        }

        // Safety and compliance first: they hold whatever else the message says.
        if (AgeStatement.SaysMinor(text))
        {
            return CustomerSignal.Minor;
        }

        if (SensitiveNumbers.Contains(text))
        {
            return CustomerSignal.SensitiveNumber;
        }

        switch (ComplianceTopics.Detect(text))
        {
            case ComplianceTopics.HealthQuestion:
                return CustomerSignal.HealthQuestion;
            case ComplianceTopics.TobaccoPurchase:
                return CustomerSignal.TobaccoPurchase;
        }

        if (OtherBrands.Mentions(text))
        {
            return CustomerSignal.OtherBrand;
        }

        // Then leaving, in the words of InterruptionDetector (a person, cancel, help) and of Farewells.
        switch (InterruptionDetector.Detect(text))
        {
            case Interruption.HumanAgent:
                return CustomerSignal.Person;
            case Interruption.Cancel:
                return CustomerSignal.Cancel;
        }

        switch (Farewells.Read(text))
        {
            case Farewell.Goodbye:
                return CustomerSignal.Goodbye;
            case Farewell.Thanks:
                return CustomerSignal.Thanks;
        }

        if (InterruptionDetector.Detect(text) == Interruption.Help)
        {
            return CustomerSignal.Help;
        }

        return SolvedSignals.Mentions(text) ? CustomerSignal.Solved : CustomerSignal.None;
    }
}
