using System.Diagnostics;
using System.Text;
using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Understanding;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Tests.Hostile;

/// <summary>
/// Every parser and detector that reads customer text, on adversarial 100 KB inputs built to make a
/// backtracking pattern or a nested loop blow up: each must finish in bounded time (a generous limit, far
/// above the few milliseconds a linear pass takes, far below what a quadratic one does) and never throw.
/// </summary>
public sealed class HostileTextTimeTests
{
    /// <summary>
    /// Generous on purpose: a quadratic pass over 100 KB takes tens of seconds, a linear one a few milliseconds, and
    /// the wall clock also counts the time a loaded machine (CI runs test projects side by side) keeps the thread waiting.
    /// </summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private const int Size = 100_000;

    private static readonly DateOnly Today = new(2026, 11, 25);

    public static TheoryData<string> Inputs() =>
    [
        "koppla-mig", "email-dots", "digits", "spaced-digits", "dashed-digits", "serial-groups", "words", "street-numbers",
        "swedish-letters", "zero-width", "right-to-left", "dates", "at-signs", "question-marks", "yes-no", "ages",
        "no-break-digits", "arabic-digits", "spaced-dashes", "personal-numbers",
    ];

    private static string Build(string name)
    {
        string Repeat(string unit) => new StringBuilder(Size + unit.Length).Insert(0, unit, Size / unit.Length + 1).ToString(0, Size);
        return name switch
        {
            "koppla-mig" => Repeat("koppla mig "),
            "email-dots" => "a@" + Repeat(".a"),
            "digits" => Repeat("1"),
            "spaced-digits" => Repeat("1 "),
            "dashed-digits" => Repeat("12-"),
            "serial-groups" => Repeat("ilp1 "),
            "words" => Repeat("den är trasig och blinkar rött "),
            "street-numbers" => "Storgatan " + Repeat("1 1"),
            "swedish-letters" => Repeat("åäö"),
            "zero-width" => Repeat("8\u200B"),
            "right-to-left" => Repeat("\u202Eabc123\u202C "),
            "dates" => Repeat("15 mars 2026-03-15 igår "),
            "at-signs" => Repeat("a@a"),
            "question-marks" => Repeat("var hittar jag koden? "),
            "yes-no" => Repeat("ja nej "),
            "ages" => Repeat("jag är 16 "),
            "no-break-digits" => Repeat("81\u00A0"),
            "arabic-digits" => Repeat("\u0668\u0661\u0661\u0662\u0661\u0668\u2013"),
            "spaced-dashes" => Repeat("1 - "),
            "personal-numbers" => Repeat("811218 – 9875 "),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_reader_of_customer_text_finishes_in_bounded_time(string input)
    {
        var text = Build(input);
        var menu = MainMenu.Choices(CustomerLanguage.Swedish);
        var readers = new (string Name, Action Read)[]
        {
            ("PurchaseDateParser", () => PurchaseDateParser.Parse(text, Today)),
            ("SwedishAddress.Read", () => SwedishAddress.Read(text)),
            ("SwedishAddress.PostalCode", () => SwedishAddress.PostalCode(text)),
            ("SwedishAddress.Street", () => SwedishAddress.Street(text)),
            ("SwedishAddress.City", () => SwedishAddress.City(text)),
            ("PhoneNumber.Find", () => PhoneNumber.Find(text)),
            ("PhoneNumber.Normalize", () => PhoneNumber.Normalize(text)),
            ("EmailAddress.Find", () => EmailAddress.Find(text)),
            ("EmailAddress.Normalize", () => EmailAddress.Normalize(text)),
            ("SerialNumber.Find", () => SerialNumber.Find(text)),
            ("SerialNumber.Normalize", () => SerialNumber.Normalize(text)),
            ("SensitiveNumbers.Contains", () => SensitiveNumbers.Contains(text)),
            ("SensitiveNumbers.Redact", () => SensitiveNumbers.Redact(text)),
            ("SymptomDetector.Detect", () => SymptomDetector.Detect(text)),
            ("SymptomDetector.DetectModel", () => SymptomDetector.DetectModel(text)),
            ("BrokenSignals", () => BrokenSignals.Mentions(text)),
            ("InterruptionDetector", () => InterruptionDetector.Detect(text)),
            ("CustomerSignals", () => CustomerSignals.Read(text)),
            ("AgeStatement", () => AgeStatement.AnswerToAgeQuestion(text)),
            ("Farewells", () => Farewells.Read(text)),
            ("SolvedSignals", () => SolvedSignals.Mentions(text)),
            ("OtherBrands", () => OtherBrands.Mentions(text)),
            ("RequestCues", () => RequestCues.Detect(text)),
            ("ComplianceTopics", () => ComplianceTopics.Detect(text)),
            ("SerialQuestion", () => SerialQuestion.AsksWhereToFind(text)),
            ("OwnDevice", () => OwnDevice.Asks(Intents.WarrantyInfo, text)),
            ("ChoiceRecognizer", () => ChoiceRecognizer.Recognize(text, menu)),
            ("ConfirmRecognizer", () => ConfirmRecognizer.Recognize(text)),
            ("MainMenu.ExactPick", () => MainMenu.ExactPick(text, CustomerLanguage.Swedish)),
            ("LanguageDetector", () => LanguageDetector.Detect(text)),
        };

        var slow = new List<string>();
        foreach (var (name, read) in readers)
        {
            var clock = Stopwatch.StartNew();
            read();
            if (clock.Elapsed > Limit)
            {
                slow.Add($"{name}: {clock.Elapsed.TotalMilliseconds:0} ms");
            }
        }

        Assert.True(slow.Count == 0, $"On '{input}' ({text.Length} characters): {string.Join(", ", slow)}");
    }
}
