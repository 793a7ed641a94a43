namespace IqosBot.Tools.Demo;

/// <summary>
/// A warranty check with demo@example.com and one of its registered devices (warranty running, claim used, or
/// everything ended), now and then an unregistered serial (offered registration) or a mistyped e-mail.
/// </summary>
internal static class WarrantyJourney
{
    /// <summary>The sandbox's devices registered to demo@example.com.</summary>
    private static readonly string[] Registered = ["ILU2M3N4P5Q6", "ILP8R7S6T5U4", "D3U1V2W3X4Y5"];

    private static readonly string[] OpeningsSv =
    [
        "kolla min garanti", "Kolla min garanti", "har min iluma fortfarande garanti?", "hur länge gäller garantin på min enhet",
        "vill kolla garantin på min laddare", "när går min garanti ut", "omfattas min iqos fortfarande av garantin",
    ];

    private static readonly string[] OpeningsEn = ["check my warranty", "Check my warranty", "is my iluma still under warranty?", "when does my warranty end"];

    public static async Task PlayAsync(DemoCustomer c)
    {
        var roll = c.Random.Next(100);
        var persona = new Persona(c)
        {
            WarrantySerial = roll < 85 ? c.Pick(Registered) : "ILO7G6H5J4K3",
            WarrantyEmail = roll is >= 75 and < 85 ? "demo@exmaple.com" : "demo@example.com",
            RegistersWhenOffered = false,
            WrongSerialFirst = c.Chance(0.1) ? "ILU2M3N4P5Q7" : null,
            WantsPerson = c.Chance(0.3),
            QuitAt = c.Chance(0.08) ? BotAsk.WarEmail : null,
            MindChange = roll >= 85 && c.Chance(0.5) ? (BotAsk.WarEmail, c.Pick(["äsch, kan du registrera den åt mig istället?", "den är nog inte registrerad, registrera den istället"], ["can you just register it instead?"])) : null,
            QuitBy = QuitBy.Silent,
        };

        await c.SayAsync(c.Pick(OpeningsSv, OpeningsEn)).ConfigureAwait(false);
        if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
        {
            return;
        }

        // A follow-up: the money-back period, or the other registered device of the same account.
        if (c.Last.Has(BotNews.WarrantyShown) && c.Chance(0.25))
        {
            if (c.Chance(0.5))
            {
                await c.SayAsync(c.Pick(["och pengarna tillbaka då?", "gäller olycksfallsskyddet också?"], ["and what about money back?"])).ConfigureAwait(false);
            }
            else
            {
                persona.WarrantySerial = c.Pick(Registered);
                await c.SayAsync(c.Pick(["kan du kolla garantin på min andra också", "kolla garantin på min andra enhet"], ["can you check the warranty on my other one too"])).ConfigureAwait(false);
            }

            if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
            {
                return;
            }
        }

        await Endings.PlayAsync(c).ConfigureAwait(false);
    }
}
