namespace IqosBot.Tools.Demo;

/// <summary>
/// Questions the bot has no answer for, the material of the insights page's "unanswered" list: each asked in a few
/// close variants so they group, some gibberish, and what customers do then (say it again, ask for a person, leave).
/// </summary>
internal static class OffTopicJourney
{
    /// <summary>Each group: close variants of one question people really ask, Swedish or English.</summary>
    private static readonly string[][] Groups =
    [
        ["har ni öppet på julafton", "har ni öppet julafton?", "öppet på julafton??", "har kundtjänst öppet på julafton"],
        ["kan jag betala med klarna", "går det att betala med klarna?", "kan man betala med klarna", "klarna?"],
        ["vad kostar en ny laddare", "vad kostar en laddare till iluma", "pris på ny laddare?", "hur mycket kostar en ny laddare"],
        ["när kommer nya iluma", "kommer det en ny iluma i år", "släpps det någon ny iqos snart"],
        ["kan jag hämta min order i butik", "kan jag hämta ut beställningen i en butik"],
        ["har ni studentrabatt", "finns det studentrabatt"],
        ["var ligger närmaste butik i malmö", "finns det butik i malmö"],
    ];

    private static readonly string[][] GroupsEn =
    [
        ["do you ship to norway", "do you ship to norway?", "can you ship to norway", "shipping to norway?"],
        ["can i pay with klarna", "do you take klarna"],
        ["how much is a new charger", "price of a new charger?"],
        ["do you have a student discount", "student discount?"],
    ];

    private static readonly string[] Gibberish = ["asdf", "jjjjjjj", "?", "hallå??", "ööö", "test", "...", "kjdfhg", "hmm", "ok"];

    public static async Task PlayAsync(DemoCustomer c)
    {
        var persona = new Persona(c) { WantsPerson = c.Chance(0.3), HelpedChance = 0.15, NotHelpedChance = 0.6 };
        var group = c.Swedish ? c.Pick(Groups) : c.Pick(GroupsEn);
        var first = c.Chance(0.15) ? c.Pick(Gibberish) : c.Pick(group);
        await c.SayAsync(first).ConfigureAwait(false);
        var afterwards = await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
        for (var retry = 0; retry < 2 && afterwards is Afterwards.NotUnderstood or Afterwards.AtRest; retry++)
        {
            var next = c.Random.Next(10);
            if (next < 3)
            {
                // Gives up without a word.
                return;
            }

            if (next < 5)
            {
                await c.SayAsync(c.Pick(["kan jag prata med nån istället", "prata med en person då"], ["can i talk to someone instead", "person please"])).ConfigureAwait(false);
                persona.WantsPerson = true;
            }
            else
            {
                // The same thing put another way: what makes the unanswered list group.
                await c.SayAsync(c.Pick(group)).ConfigureAwait(false);
            }

            afterwards = await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
        }

        if (afterwards is not (Afterwards.HandedOver or Afterwards.Left) && c.Chance(0.5))
        {
            await Endings.PlayAsync(c).ConfigureAwait(false);
        }
    }
}
