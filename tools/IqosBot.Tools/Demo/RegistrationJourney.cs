namespace IqosBot.Tools.Demo;

/// <summary>
/// Registering a device. Under half register one of the sandbox's unregistered demo devices to their own made-up
/// e-mail: the first customer with a serial owns it, later ones are refused as a second owner would be. The others
/// are the demo account's owner registering a device again (unsure the first time went through), which the bot
/// confirms as already registered: so the registration funnel also completes after the three free serials are
/// gone. Some give a wrong code first, change the e-mail at the summary, or leave at the date or e-mail question.
/// </summary>
internal static class RegistrationJourney
{
    /// <summary>The sandbox's unregistered devices (README "Try it: the demo devices").</summary>
    private static readonly string[] Unregistered = ["ILP1A2B3C4D5", "ILO7G6H5J4K3", "D3U9F8E7D6C5"];

    /// <summary>Codes the sandbox does not know: a digit misread, another brand's sticker, the box's EAN.</summary>
    private static readonly string[] Wrong = ["ILP1A2B3C4D6", "ILX4471923", "ILO7G6H5J4K", "7350075960011"];

    /// <summary>The demo account's registered devices, and the account.</summary>
    private static readonly string[] DemoAccountDevices = ["ILU2M3N4P5Q6", "ILP8R7S6T5U4", "D3U1V2W3X4Y5"];

    private const string DemoAccount = "demo@example.com";

    private static readonly string[] AgainSv =
    [
        "vet inte om min registrering gick igenom, kan jag registrera min iluma igen?", "fick inget mejl när jag registrerade, vill göra om det",
        "registrera min enhet", "jag vill registrera min iqos",
    ];

    private static readonly string[] AgainEn = ["not sure my registration went through, can i register again?", "register my device"];

    private static readonly string[] OpeningsSv =
    [
        "jag vill registrera min iqos", "Registrera enhet", "hej, vill regga min nya iluma", "registrera min enhet tack",
        "hur registrerar jag min nya prime? kan du göra det här?", "har köpt en iluma one och vill registrera den",
        "registrering",
    ];

    private static readonly string[] OpeningsEn = ["register my device", "Register a device", "hi, id like to register my new iqos", "can you register my iluma"];

    private static readonly string[] DatesSv = ["igår", "i fredags", "förra veckan", "15 november", "för 2 veckor sen", "i förrgår", "den 1 december", "i måndags"];

    private static readonly string[] DatesEn = ["yesterday", "last friday", "3 weeks ago", "2 november", "last week", "on monday"];

    public static async Task PlayAsync(DemoCustomer c)
    {
        var again = c.Chance(0.55);
        var persona = new Persona(c)
        {
            RegistrationSerial = again ? c.Pick(DemoAccountDevices) : c.Pick(Unregistered),
            WrongSerialFirst = c.Chance(0.2) ? c.Pick(Wrong) : null,
            RegistrationEmail = again ? DemoAccount : c.Email,
            ChangedEmail = !again && c.Chance(0.12) ? c.OtherEmail : null,
            PurchaseDate = c.Pick(DatesSv, DatesEn),
            AgeAnswer = c.Chance(0.03) ? c.T("nej, 17", "no im 17") : c.Pick(["ja", "japp", "ja", "34", "jag är 27", "ja självklart"], ["yes", "yes im 42", "yep", "25"]),
            ConsentAnswer = c.Pick(["nej tack", "nej", "ja gärna", "nä det behövs inte", "ja"], ["no thanks", "sure why not", "nope", "yes"]),
            PressesButtons = c.Chance(0.7),
            WantsPerson = c.Chance(0.3),
            MindChange = c.Chance(0.08)
                ? (BotAsk.RegDate, c.Pick(["vänta, den är nog redan registrerad, kan jag kolla garantin istället?", "kan jag kolla garantin istället?"], ["actually can i check my warranty instead?"]))
                : null,
        };

        // About one in four leave on the way: mostly at the date or the e-mail, by cancelling or just going quiet.
        var quit = c.Random.Next(100);
        if (quit < 25)
        {
            persona.QuitAt = quit switch
            {
                < 10 => BotAsk.RegEmail,
                < 18 => BotAsk.RegDate,
                < 21 => BotAsk.RegConsent,
                _ => BotAsk.RegSummary,
            };
            persona.QuitBy = c.Random.Next(3) switch
            {
                0 => QuitBy.Cancel,
                1 => QuitBy.Goodbye,
                _ => QuitBy.Silent,
            };
        }

        await c.SayAsync(again ? c.Pick(AgainSv, AgainEn) : c.Pick(OpeningsSv, OpeningsEn)).ConfigureAwait(false);
        var afterwards = await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
        if (afterwards == Afterwards.NotUnderstood)
        {
            // Not understood: the menu's button then, as people do.
            await c.SayAsync(c.T("Registrera enhet", "Register a device")).ConfigureAwait(false);
            afterwards = await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
        }

        if (afterwards is Afterwards.HandedOver or Afterwards.Left)
        {
            return;
        }

        // Now and then someone checks right after what they registered gives them.
        if (c.Last.Has(BotNews.Registered) && c.Chance(0.2))
        {
            await c.SayAsync(c.Pick(["hur lång garanti har jag nu då?", "och vad ingår i care plus?"], ["so how long is my warranty now?"])).ConfigureAwait(false);
            if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
            {
                return;
            }
        }

        await Endings.PlayAsync(c).ConfigureAwait(false);
    }
}
