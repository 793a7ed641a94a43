using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Registration;

/// <summary>Finding the device serial in what a customer types: alone, in a sentence, in groups, corrected, or not there at all.</summary>
public sealed class SerialNumberTests
{
    [Theory]
    [InlineData("ILO7G6H5J4K3", "ILO7G6H5J4K3")]
    [InlineData("ilo7g6h5j4k3", "ILO7G6H5J4K3")]
    [InlineData("  ILO7G6H5J4K3  ", "ILO7G6H5J4K3")]
    [InlineData("koden är ILP1 A2B3 C4D5", "ILP1A2B3C4D5")]
    [InlineData("koden ar ILP1A2B3C4D5", "ILP1A2B3C4D5")]
    [InlineData("ilp1-a2b3 c4d5", "ILP1A2B3C4D5")]
    [InlineData("ILP1–A2B3–C4D5", "ILP1A2B3C4D5")]
    [InlineData("mitt serienummer är ILP1A2B3C4D5.", "ILP1A2B3C4D5")]
    [InlineData("Serial: ILP1 A2B3 C4D5, thanks", "ILP1A2B3C4D5")]
    [InlineData("det står (ILP1A2B3C4D5) på kartongen", "ILP1A2B3C4D5")]
    [InlineData("\"ILP1A2B3C4D5\"", "ILP1A2B3C4D5")]
    [InlineData("here u go ILP1A2B3C4D5!", "ILP1A2B3C4D5")]
    [InlineData("koden är ILP1 A2B3 C4D5 och jag köpte den 2024", "ILP1A2B3C4D5")]
    [InlineData("my serial is ILP1A2B3C4D5 and my phone 070-123 45 67", "ILP1A2B3C4D5")]
    [InlineData("ILP1A2B3C4D5 2026-03-15", "ILP1A2B3C4D5")]
    [InlineData("ILP1A2B3C4D5, köpt 2026-03-15", "ILP1A2B3C4D5")]
    public void The_serial_is_found_alone_in_a_sentence_or_in_groups(string text, string serial)
        => Assert.Equal(serial, SerialNumber.Find(text));

    [Theory]
    [InlineData("sorry, typo – the right one is ILO7G6H5J4K3", "ILO7G6H5J4K3")]
    [InlineData("not ILX0000000 but ILO7G6H5J4K3", "ILO7G6H5J4K3")]
    [InlineData("inte ILX0000000 utan ILO7G6H5J4K3", "ILO7G6H5J4K3")]
    [InlineData("ILX0000000 nej förlåt ILO7G6H5J4K3", "ILO7G6H5J4K3")]
    [InlineData("I have 2 devices: ILP1A2B3C4D5 and ILO7G6H5J4K3", "ILO7G6H5J4K3")]
    public void When_a_message_holds_two_the_last_is_the_correction(string text, string serial)
        => Assert.Equal(serial, SerialNumber.Find(text));

    [Theory]
    [InlineData("my friend says 17 is fine")]
    [InlineData("070-123 45 67")]
    [InlineData("0701234567")]
    [InlineData("2026-03-15")]
    [InlineData("jag köpte den 15 mars")]
    [InlineData("anna.svensson@example.com")]
    [InlineData("anna2@example.com")]
    [InlineData("IQOS 3 DUO")]
    [InlineData("ILUMA ONE")]
    [InlineData("IQOS ILUMA PRIME 2")]
    [InlineData("jag bor på Storgatan 12, 111 22 Stockholm")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("var hittar jag koden?")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Numbers_dates_addresses_and_model_names_are_no_serial(string? text)
        => Assert.Null(SerialNumber.Find(text));

    [Fact]
    public void A_message_too_long_to_be_an_answer_is_not_searched()
        => Assert.Null(SerialNumber.Find(new string('x', 2000) + " ILP1A2B3C4D5"));
}
