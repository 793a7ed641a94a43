using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Handoff;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Listening;
using IqosBot.Dialogs.Common;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Hostile;

/// <summary>
/// Properties of every parser that reads customer text, over random strings (FsCheck): none ever throws, and
/// each round trip a parser promises holds — what it writes, it reads back the same.
/// </summary>
public sealed class ParserProperties
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Property(MaxTest = 300)]
    public void No_reader_of_customer_text_throws_on_any_string_and_all_finish_in_bounded_time(string? text)
    {
        // Generous on purpose: these are short strings, read in microseconds; a runaway pattern takes seconds.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PurchaseDateParser.Parse(text, Today);
        SwedishAddress.Read(text);
        SwedishAddress.PostalCode(text);
        SwedishAddress.Street(text);
        SwedishAddress.City(text);
        PhoneNumber.Find(text);
        PhoneNumber.Normalize(text);
        EmailAddress.Find(text);
        EmailAddress.Normalize(text);
        SerialNumber.Find(text);
        SerialNumber.Normalize(text);
        SensitiveNumbers.Contains(text);
        SensitiveNumbers.Redact(text ?? string.Empty);
        SymptomDetector.Detect(text);
        SymptomDetector.DetectModel(text);
        CustomerSignals.Read(text);
        AgeStatement.AnswerToAgeQuestion(text);
        RequestCues.Detect(text);
        ConfirmRecognizer.Recognize(text);
        ChoiceRecognizer.Recognize(text, MainMenu.Choices(CustomerLanguage.Swedish));
        LanguageDetector.Detect(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The readers took {clock.Elapsed} on {text?.Length} characters.");
    }

    [Property(MaxTest = 300)]
    public void Nothing_redacted_still_holds_a_personal_or_card_number(string? text)
        => Assert.False(SensitiveNumbers.Contains(SensitiveNumbers.Redact(text ?? string.Empty)));

    [Property]
    public Property A_postcode_the_bot_writes_reads_back_the_same()
        => Prop.ForAll(Gen.Choose(10000, 99999).ToArbitrary(), number =>
        {
            var written = SwedishAddress.PostalCode(number.ToString(CultureInfo.InvariantCulture));
            return written is not null && SwedishAddress.PostalCode(written) == written && SwedishAddress.Read(written).PostalCode == written;
        });

    [Property]
    public Property A_phone_number_in_international_form_reads_back_the_same()
        => Prop.ForAll(Gen.Choose(1_000_000, 99_999_999).ToArbitrary(), national =>
        {
            var typed = "070" + national.ToString("D7", CultureInfo.InvariantCulture)[..7];
            var normalized = PhoneNumber.Normalize(typed);
            return normalized is not null && PhoneNumber.Normalize(normalized) == normalized && PhoneNumber.Find("ring mig på " + typed + " tack") == typed;
        });

    [Property]
    public Property A_serial_is_found_as_typed_in_parts_or_inside_a_sentence()
        => Prop.ForAll(SerialGen().ToArbitrary(), serial =>
        {
            var grouped = string.Join(' ', serial.Chunk(4).Select(part => new string(part)));
            return SerialNumber.Normalize(serial) == serial
                   && SerialNumber.Find(serial.ToLowerInvariant()) == serial
                   && SerialNumber.Find("koden är " + grouped + ", tack") == serial
                   && SerialNumber.Find("sorry, typo – the right one is " + serial) == serial;
        });

    [Property]
    public Property A_purchase_date_written_as_the_bot_writes_dates_reads_back_the_same()
        => Prop.ForAll(Gen.Choose(0, 730).ToArbitrary(), daysAgo =>
        {
            var date = Today.AddDays(-daysAgo);
            return PurchaseDateParser.Parse(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Today).Date == date
                   && PurchaseDateParser.Parse("jag köpte den " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Today).Date == date;
        });

    [Property]
    public Property An_email_address_is_found_inside_a_sentence_and_normalizes_to_itself()
        => Prop.ForAll(Gen.Elements("anna", "b.svensson", "kund+iqos", "x_1").ToArbitrary(), Gen.Elements("example.com", "mail.se", "a.b.co").ToArbitrary(), (local, domain) =>
        {
            var address = local + "@" + domain;
            return EmailAddress.Normalize(address) == address && EmailAddress.Find("min mejl är " + address + ", tack!") == address;
        });

    /// <summary>Twelve letters and digits, at least one of each, as the demo serials are.</summary>
    private static Gen<string> SerialGen()
        => from letters in Gen.ArrayOf(Gen.Elements("ABCDEFGHJKLMNPQRSTUVWXYZ".ToCharArray()), 6)
           from digits in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), 6)
           select new string(letters.Zip(digits, (letter, digit) => new[] { letter, digit }).SelectMany(pair => pair).ToArray());
}
