using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Registration;

/// <summary>Finding the account e-mail in what a customer types.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("anna.svensson@example.com", "anna.svensson@example.com")]
    [InlineData("  anna@example.com  ", "anna@example.com")]
    [InlineData("min mejl är anna@example.com, tack", "anna@example.com")]
    [InlineData("min mail ar anna@example.se.", "anna@example.se")]
    [InlineData("mejla till anna.svensson@example.com tack", "anna.svensson@example.com")]
    [InlineData("email: anna@example.se!", "anna@example.se")]
    [InlineData("is it anna@example.com?", "anna@example.com")]
    [InlineData("(anna@example.com)", "anna@example.com")]
    [InlineData("<anna@example.com>", "anna@example.com")]
    [InlineData("mailto:anna@example.com", "anna@example.com")]
    [InlineData("Anna.Svensson@Example.COM", "Anna.Svensson@Example.COM")]
    [InlineData("anna_s+iqos@example.co.uk", "anna_s+iqos@example.co.uk")]
    [InlineData("\"anna@example.com\"", "anna@example.com")]
    public void The_address_is_found_alone_or_in_a_sentence(string text, string address)
        => Assert.Equal(address, EmailAddress.Find(text));

    [Theory]
    [InlineData("fel, inte anna@exmaple.com utan anna@example.com", "anna@example.com")]
    [InlineData("anna@gmial.com sorry anna@gmail.com", "anna@gmail.com")]
    public void When_a_message_holds_two_the_last_is_the_correction(string text, string address)
        => Assert.Equal(address, EmailAddress.Find(text));

    [Theory]
    [InlineData("anna@example")]
    [InlineData("anna@@example.com")]
    [InlineData("@anna")]
    [InlineData("anna(at)example.com")]
    [InlineData("anna.svensson example.com")]
    [InlineData("jag har ingen mejl")]
    [InlineData("070-123 45 67")]
    [InlineData("ILP1A2B3C4D5")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Text_without_an_address_has_none(string? text) => Assert.Null(EmailAddress.Find(text));
}
