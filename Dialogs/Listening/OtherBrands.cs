using IqosBot.Dialogs.Choices;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Listening;

/// <summary>Devices of other brands, which IQOS support does not cover: said to be out of scope, never troubleshot.</summary>
public static class OtherBrands
{
    /// <summary>Folded brand and device names of heated-tobacco and e-cigarette makers other than IQOS.</summary>
    private static readonly HashSet<string> Names =
    [
        "glo", "glohyper", "ploom", "vuse", "juul", "pulze", "lilsolid", "neosticks", "elfbar", "lostmary", "vype", "blu",
    ];

    /// <summary>Names of two words; "lil" alone is also slang ("a lil bit"), so only "lil solid" counts.</summary>
    private static readonly string[] Phrases = ["elf bar", "lost mary", "lil solid", "glo hyper", "glo pro", "neo sticks", "neo stickor"];

    public static bool Mentions(string? text)
    {
        // Longer than the bot reads (Messages:MaxLength): not read for a brand.
        if (text is { Length: > 2000 })
        {
            return false;
        }

        var tokens = TextNormalizer.Tokens(text);
        if (tokens.Any(Names.Contains))
        {
            return true;
        }

        return new FoldedText(text).HasAny(Phrases);
    }
}
