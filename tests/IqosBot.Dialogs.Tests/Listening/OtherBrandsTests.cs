using IqosBot.Dialogs.Listening;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>Devices of other brands, named as customers name them, and IQOS talk that must not be taken for one.</summary>
public sealed class OtherBrandsTests
{
    [Theory]
    [InlineData("jag har en glo hyper som inte laddar")]
    [InlineData("min Glo funkar inte")]
    [InlineData("glohyper x2 blinkar")]
    [InlineData("min Ploom X laddar inte")]
    [InlineData("can you help with my vuse?")]
    [InlineData("JUUL")]
    [InlineData("my juul pod leaks")]
    [InlineData("lil solid won't turn on")]
    [InlineData("min elfbar är tom")]
    [InlineData("har neo sticks, funkar dom?")]
    [InlineData("vype epen")]
    [InlineData("blu pen")]
    [InlineData("pulze")]
    [InlineData("min elf bar laddar inte")]
    [InlineData("lost mary funkar inte")]
    public void Another_brand_named_anywhere_is_out_of_scope(string text) => Assert.True(OtherBrands.Mentions(text));

    [Theory]
    [InlineData("min iqos iluma laddar inte")]
    [InlineData("IQOS ILUMA PRIME")]
    [InlineData("the light glows red")]
    [InlineData("lampan lyser blått")]
    [InlineData("blue light blinking")]
    [InlineData("jag vill registrera min iqos")]
    [InlineData("global warranty?")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("the light blinks a lil bit")]
    public void Iqos_and_ordinary_words_are_not_another_brand(string? text) => Assert.False(OtherBrands.Mentions(text));
}
