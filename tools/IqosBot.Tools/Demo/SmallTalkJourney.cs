namespace IqosBot.Tools.Demo;

/// <summary>Greetings, "what can you do?", thanks and goodbyes: conversations that count but ask nothing.</summary>
internal static class SmallTalkJourney
{
    public static async Task PlayAsync(DemoCustomer c)
    {
        var persona = new Persona(c);
        switch (c.Random.Next(4))
        {
            case 0:
                // Opens the chat, greets, and closes it again.
                await c.SayAsync(c.Pick(["hej", "hejsan!", "god morgon"], ["hi", "hello"])).ConfigureAwait(false);
                break;
            case 1:
                await c.SayAsync(c.Pick(["vad kan du hjälpa till med?", "vad kan du", "hjälp"], ["what can you do?", "help"])).ConfigureAwait(false);
                await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
                break;
            case 2:
                await c.SayAsync(c.Pick(["hej", "hallå"], ["hi"])).ConfigureAwait(false);
                await c.SayAsync(c.Pick(["tack hejdå", "nej det var inget, hej"], ["nvm bye", "thanks bye"])).ConfigureAwait(false);
                return;
            default:
                await c.SayAsync(c.Pick(["hejdå!", "tack för sist"], ["bye!"])).ConfigureAwait(false);
                return;
        }

        await Endings.PlayAsync(c).ConfigureAwait(false);
    }
}
