using IqosBot.Dialogs.Choices;

namespace IqosBot.Dialogs.Listening;

/// <summary>Devices of other brands, which IQOS support does not cover: said to be out of scope, never troubleshot.</summary>
public static class OtherBrands
{
    /// <summary>Folded brand and device names of heated-tobacco and e-cigarette makers other than IQOS.</summary>
    private static readonly HashSet<string> Names =
    [
        "glo", "glohyper", "ploom", "vuse", "juul", "pulze", "lil", "lilsolid", "neo", "neosticks", "elfbar", "lostmary", "vype", "blu",
    ];

    public static bool Mentions(string? text) => TextNormalizer.Tokens(text).Any(Names.Contains);
}
