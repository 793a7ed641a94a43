using IqosBot.Dialogs.Listening;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>
/// The one reading of what wins over an answer, and the order it wins in: a minor first, then a personal or card
/// number, health and tobacco buying, other brands, then leaving (a person, cancel, goodbye, thanks), help and solved.
/// 811218-9876 is a valid personnummer (the last digit is its Luhn check digit); 4111 1111 1111 1111 a valid test card.
/// </summary>
public sealed class CustomerSignalsTests
{
    [Theory]
    [InlineData("jag är 16")]
    [InlineData("im 17, can I still register")]
    [InlineData("jag är 16, mitt personnummer är 811218-9876")]
    [InlineData("jag är 15 och mitt kort är 4111 1111 1111 1111")]
    [InlineData("jag är 16, är det farligt?")]
    [InlineData("jag är 17 och vill köpa terea billigt")]
    [InlineData("I'm 17 and I have a glo")]
    [InlineData("jag är 16 och vill prata med en person")]
    [InlineData("jag är 16, glöm det")]
    [InlineData("I'm 17, bye")]
    [InlineData("jag är 16, tack")]
    [InlineData("jag är 16 och nu funkar den igen")]
    public void A_minor_wins_over_everything(string text) => Assert.Equal(CustomerSignal.Minor, CustomerSignals.Read(text));

    [Theory]
    [InlineData("811218-9876")]
    [InlineData("mitt personnummer är 811218-9876")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("I'm 25, my personal number is 811218-9876")]
    [InlineData("811218-9876, är iqos farligt?")]
    [InlineData("811218-9876 glo")]
    [InlineData("811218-9876 prata med en person")]
    [InlineData("kortet är 4111 1111 1111 1111, avbryt")]
    [InlineData("mitt personnummer är 811218-9876, hejdå")]
    [InlineData("811218-9876 tack")]
    public void A_personal_or_card_number_wins_over_compliance_and_leaving(string text)
        => Assert.Equal(CustomerSignal.SensitiveNumber, CustomerSignals.Read(text));

    [Theory]
    [InlineData("är iqos farligt för lungorna?", CustomerSignal.HealthQuestion)]
    [InlineData("is iqos healthier than cigarettes?", CustomerSignal.HealthQuestion)]
    [InlineData("är ploom farligare än iqos?", CustomerSignal.HealthQuestion)]
    [InlineData("var kan jag köpa terea billigt", CustomerSignal.TobaccoPurchase)]
    [InlineData("where can I buy heets cheap", CustomerSignal.TobaccoPurchase)]
    [InlineData("min glo hyper funkar inte", CustomerSignal.OtherBrand)]
    [InlineData("kan jag prata med någon om min vuse", CustomerSignal.OtherBrand)]
    [InlineData("my ploom broke, bye", CustomerSignal.OtherBrand)]
    public void Compliance_topics_and_other_brands_come_before_leaving(string text, CustomerSignal signal)
        => Assert.Equal(signal, CustomerSignals.Read(text));

    [Theory]
    [InlineData("jag vill prata med en människa", CustomerSignal.Person)]
    [InlineData("can I talk to a human", CustomerSignal.Person)]
    [InlineData("tack, kan jag prata med en person", CustomerSignal.Person)]
    [InlineData("kundtjänst", CustomerSignal.Person)]
    [InlineData("avbryt", CustomerSignal.Cancel)]
    [InlineData("nej, glöm det", CustomerSignal.Cancel)]
    [InlineData("ok never mind then", CustomerSignal.Cancel)]
    [InlineData("hejdå!", CustomerSignal.Goodbye)]
    [InlineData("tack, ha det bra", CustomerSignal.Goodbye)]
    [InlineData("ok cheers, bye", CustomerSignal.Goodbye)]
    [InlineData("tack", CustomerSignal.Thanks)]
    [InlineData("thanks!", CustomerSignal.Thanks)]
    [InlineData("hjälp", CustomerSignal.Help)]
    [InlineData("?", CustomerSignal.Help)]
    [InlineData("what can I say", CustomerSignal.Help)]
    [InlineData("oh wait, it works again now", CustomerSignal.Solved)]
    [InlineData("tack, nu funkar den igen", CustomerSignal.Solved)]
    [InlineData("det löste sig", CustomerSignal.Solved)]
    public void Leaving_help_and_solved_in_their_order(string text, CustomerSignal signal)
        => Assert.Equal(signal, CustomerSignals.Read(text));

    [Theory]
    [InlineData("ILP1A2B3C4D5")]
    [InlineData("070-123 45 67")]
    [InlineData("811218-9875")]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("I'm 25")]
    [InlineData("min son är 16")]
    [InlineData("ja tack")]
    [InlineData("nej tack")]
    [InlineData("den funkar inte igen")]
    [InlineData("jag vill registrera min iqos")]
    [InlineData("Storgatan 1, 111 22 Stockholm")]
    [InlineData("anna.svensson@example.com")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_ordinary_answer_carries_no_signal(string? text) => Assert.Equal(CustomerSignal.None, CustomerSignals.Read(text));
}
