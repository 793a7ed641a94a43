namespace IqosBot.Tools.Demo;

/// <summary>
/// Customers who want a person from the start, or after the bot could not help: asked in many ways, sometimes with
/// the matter in the same message, sometimes after a question first. While customer care is open they are queued
/// and served by the demo agent; out of hours they book a callback, take the e-mail address, or leave.
/// </summary>
internal static class PersonJourney
{
    private static readonly string[] AsksSv =
    [
        "kan jag prata med en människa", "Prata med en person", "jag vill prata med någon på kundtjänst", "riktig person tack",
        "kan jag få prata med en handläggare", "koppla mig till en person", "jag vill prata med en människa, inte en bot",
        "kundtjänst", "person",
    ];

    private static readonly string[] AsksEn = ["can i talk to a human please", "Talk to a person", "real person pls", "i want to speak to an agent", "customer service"];

    private static readonly string[] FirstSv = ["min order har inte kommit", "hej, jag har ett problem med min beställning", "fick fel vara i paketet"];

    private static readonly string[] FirstEn = ["my order hasnt arrived", "hi, i have a problem with my order"];

    public static async Task PlayAsync(DemoCustomer c)
    {
        var persona = new Persona(c) { WantsPerson = true };
        if (c.Chance(0.3))
        {
            // Tries the bot first with something it cannot do, then asks for a person.
            await c.SayAsync(c.Pick(FirstSv, FirstEn)).ConfigureAwait(false);
            if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
            {
                return;
            }
        }

        await c.SayAsync(c.Pick(AsksSv, AsksEn)).ConfigureAwait(false);
        if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
        {
            return;
        }

        // Not put through (a question in between, a menu): asks once more, more bluntly.
        await c.SayAsync(c.Pick(["prata med en person", "jag vill prata med en MÄNNISKA"], ["talk to a person", "HUMAN please"])).ConfigureAwait(false);
        await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
    }
}
