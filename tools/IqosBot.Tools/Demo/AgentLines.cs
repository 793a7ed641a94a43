namespace IqosBot.Tools.Demo;

/// <summary>
/// What the demo agent writes: an answer that fits what the case is about (read, as an agent would, from the
/// customer's one-line description, the intent and the journey the bot hands over with), sometimes a follow-up,
/// and the resolution note every close needs.
/// </summary>
internal static class AgentLines
{
    private static readonly (string[] Words, string[] Sv, string[] En, string Note)[] Topics =
    [
        (["laddar", "blinkar", "laddare", "trasig", "charger", "charging", "Troubleshooting", "DeviceReplacement", "Broken", "Claim"],
         ["Hej! Prova att återställa den: håll in knappen i 10 sekunder medan hållaren sitter i laddaren. Hjälper det inte skickar jag en ersättning.",
          "Hej och tack för att du väntade! Jag har lagt upp ett ersättningsärende, den nya enheten kommer inom 3–5 vardagar."],
         ["Hi! Try a reset: hold the button for 10 seconds while the holder is in the charger. If that doesn't help I'll send a replacement.",
          "Hi, thanks for waiting! I've opened a replacement case, the new device arrives within 3–5 working days."],
         "Återställning förklarad, ersättning erbjuden."),
        (["order", "beställning", "paket", "vara", "kommit", "arrived"],
         ["Hej! Jag har kollat din order – den är på väg och du får ett spårningsnummer via mejl i dag.",
          "Hej och tack för att du väntade! Fel vara skickades, jag ordnar en ny och en returetikett."],
         ["Hi! I've checked your order – it's on its way and you'll get a tracking number by e-mail today."],
         "Orderstatus kontrollerad, spårning skickad."),
        (["garanti", "warranty", "WarrantyStatus", "WarrantyInfo"],
         ["Hej! Jag har tittat på din enhet – garantin gäller i 12 månader från köpdatumet, och den är registrerad.",
          "Hej! Garantin täcker tillverkningsfel; din enhet omfattas fortfarande."],
         ["Hi! I've looked at your device – the warranty runs 12 months from the purchase date, and it's registered."],
         "Garantifråga besvarad."),
        (["retur", "returnera", "tillbaka", "return", "refund", "MoneyBackGuarantee"],
         ["Hej! Du är inom pengarna tillbaka-garantin. Jag skickar en returetikett till din e-post, lämna paketet hos PostNord."],
         ["Hi! You're within the money-back guarantee. I'm e-mailing you a return label – drop the parcel at PostNord."],
         "Retur förklarad (PostNord), etikett skickad."),
        (["konto", "inloggning", "lösenord", "account", "log in", "password", "AccountHelp"],
         ["Hej! Jag har låst upp ditt konto och skickat en länk för nytt lösenord till din e-post."],
         ["Hi! I've unlocked your account and e-mailed you a link to set a new password."],
         "Kontot upplåst, återställningslänk skickad."),
        (["dubbel", "kort", "charged", "betal"],
         ["Hej! Jag ser dubbeldragningen – den ena betalningen är återbetald och syns på kontot inom 3 bankdagar."],
         ["Hi! I can see the double charge – one payment has been refunded and will show within 3 banking days."],
         "Dubbeldragning återbetald."),
    ];

    private static readonly string[] GeneralSv =
    [
        "Hej! Jag heter Anna. Jag har tittat på ditt ärende och ordnat det – hör av dig om något mer dyker upp.",
        "Hej och tack för att du väntade! Det där har jag fixat åt dig nu.",
    ];

    private static readonly string[] GeneralEn = ["Hi, this is Anna. I've looked at your case and sorted it out.", "Hi, thanks for waiting! I've fixed that for you now."];

    private static readonly string[] FollowUpSv = ["Jag har skickat en bekräftelse till din e-post.", "Hör av dig här i chatten igen om något mer dyker upp.", "Ha en fin dag!"];

    private static readonly string[] FollowUpEn = ["I've sent you a confirmation by e-mail.", "Just get back to us here if anything else comes up.", "Have a nice day!"];

    /// <summary>One or two lines in the case's language.</summary>
    public static List<string> Answer(AgentCase item, bool swedish, Random random)
    {
        var topic = Topic(item);
        var first = topic is { } found ? (swedish ? found.Sv : found.En) : (swedish ? GeneralSv : GeneralEn);
        var lines = new List<string> { first[random.Next(first.Length)] };
        if (random.Next(2) == 0)
        {
            var more = swedish ? FollowUpSv : FollowUpEn;
            lines.Add(more[random.Next(more.Length)]);
        }

        return lines;
    }

    /// <summary>The resolution note: what was done, in the team's language.</summary>
    public static string Note(AgentCase item) => "Demo: " + (Topic(item)?.Note ?? "Ärendet löst i chatten.");

    private static (string[] Words, string[] Sv, string[] En, string Note)? Topic(AgentCase item)
    {
        var about = string.Join(' ', item.Description, item.Intent, item.LastDialog);
        foreach (var topic in Topics)
        {
            if (topic.Words.Any(word => about.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                return topic;
            }
        }

        return null;
    }
}
