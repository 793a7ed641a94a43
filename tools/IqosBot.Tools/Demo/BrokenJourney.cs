namespace IqosBot.Tools.Demo;

/// <summary>
/// A device that does not work: what happens and which model (said at once or when asked), the troubleshooting
/// steps, and when none helps a claim for the demo account's ILUMA with a Swedish delivery address. Some are solved
/// by a step, some give up halfway, some had an accident (the damage cover is used once, then refused).
/// </summary>
internal static class BrokenJourney
{
    /// <summary>
    /// The demo account's devices (60, 25 and 15 in a hundred), each with how its owner names it: the ILUMA's warranty
    /// and damage cover run, the PRIME's damage claim is used, the 3 DUO's warranty has ended. "{0}" in an opening is
    /// where the name goes.
    /// </summary>
    private static readonly (string Serial, string[] Names)[] Devices =
    [
        ("ILU2M3N4P5Q6", ["iluma", "iqos iluma", "iluma"]),
        ("ILP8R7S6T5U4", ["iluma prime", "prime"]),
        ("D3U1V2W3X4Y5", ["iqos 3 duo", "3 duo", "duo"]),
    ];

    private static readonly string[] OpeningsSv =
    [
        "min {0} laddar inte", "min iqos funkar inte", "min iqos är trasig", "lampan blinkar rött på min {0}",
        "den värmer inte stickan längre, {0}", "min laddare är död", "min {0} stänger av sig själv hela tiden",
        "det sitter en sticka fast i min {0}", "hjälp min iqos e paj", "laddar inte alls trots ny kabel",
    ];

    private static readonly string[] OpeningsEn = ["my {0} wont charge", "my iqos is broken", "red light blinking on my {0}", "it doesnt heat anymore", "my device keeps turning off"];

    private static readonly string[] AccidentsSv =
    [
        "tappade min {0} i golvet och nu har den spruckit", "min {0} har gått sönder, den ramlade ur fickan", "tappade min iqos i toan",
        "min {0} har spruckit",
    ];

    private static readonly string[] AccidentsEn = ["dropped my {0} and now its cracked", "my {0} fell in water"];

    private static readonly string[] SymptomsSv = ["den laddar inte", "lampan blinkar rött", "den värmer inte", "den stänger av sig själv", "en sticka sitter fast"];

    private static readonly string[] SymptomsEn = ["it doesnt charge", "red light", "doesnt heat", "turns off by itself"];

    private static readonly (string Street, string Postcode, string City)[] Addresses =
    [
        ("Storgatan 1", "111 22", "Stockholm"), ("Drottninggatan 12", "111 51", "Stockholm"), ("Kungsgatan 5", "411 19", "Göteborg"),
        ("Södra Förstadsgatan 20", "211 43", "Malmö"), ("Vasagatan 7", "753 20", "Uppsala"), ("Storgatan 33", "903 26", "Umeå"),
    ];

    public static async Task PlayAsync(DemoCustomer c)
    {
        var ending = c.Random.Next(100);
        var which = c.Random.Next(100);
        var device = which < 60 ? Devices[0] : which < 85 ? Devices[1] : Devices[2];

        var name = c.Pick(device.Names);
        var persona = new Persona(c)
        {
            Symptom = c.Pick(SymptomsSv, SymptomsEn),
            AccidentKind = c.Pick(["jag tappade den", "den blev blöt", "den har spruckit", "Jag tappade den"], ["I dropped it", "it cracked"]),
            Model = c.Chance(0.15) ? c.T("vet inte", "I don't know") : name,
            SolvedAtStep = ending < 30 ? c.Random.Next(1, 4) : null,
            ClaimSerial = device.Serial,
            ClaimEmail = "demo@example.com",
            Address = c.Pick(Addresses),
            AddressInParts = c.Chance(0.3),
            WantsPerson = c.Chance(0.4),
        };

        if (ending is >= 30 and < 45)
        {
            // Gives up somewhere on the way: at a troubleshooting step, the serial or the address.
            persona.QuitAt = c.Pick(new[] { BotAsk.BrokenDidThatHelp, BotAsk.ClaimSerial, BotAsk.ClaimEmail, BotAsk.ClaimStreet });
            persona.QuitBy = c.Random.Next(3) switch
            {
                0 => QuitBy.Cancel,
                1 => QuitBy.Goodbye,
                _ => QuitBy.Silent,
            };
        }

        var accident = c.Chance(0.2);
        var opening = accident ? c.Pick(AccidentsSv, AccidentsEn) : c.Pick(OpeningsSv, OpeningsEn);
        await c.SayAsync(opening.Replace("{0}", name, StringComparison.Ordinal)).ConfigureAwait(false);
        if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
        {
            return;
        }

        // Refused (damage cover already used, warranty ended): some want a person after all.
        if (c.Last.Has(BotNews.ClaimRefused) && c.Chance(0.3))
        {
            await c.SayAsync(c.Pick(["kan jag prata med någon om det?", "prata med en person"], ["can i talk to someone about it"])).ConfigureAwait(false);
            if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
            {
                return;
            }
        }

        await Endings.PlayAsync(c).ConfigureAwait(false);
    }
}
