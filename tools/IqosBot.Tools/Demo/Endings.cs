namespace IqosBot.Tools.Demo;

/// <summary>How a customer who got what they came for leaves: a goodbye, a thanks, or just closing the chat.</summary>
internal static class Endings
{
    public static async Task PlayAsync(DemoCustomer c)
    {
        var roll = c.Random.Next(100);
        if (roll < 35)
        {
            await c.SayAsync(c.Pick(["tack hejdå", "tack, ha det bra", "hejdå!", "ok tack hej", "tack för hjälpen, hej då"], ["thanks, bye", "bye!", "ok cheers, bye", "thank you, goodbye"])).ConfigureAwait(false);
        }
        else if (roll < 55)
        {
            await c.SayAsync(c.Pick(["tack!", "tack så mycket", "toppen tack", "tackar"], ["thanks!", "thank you", "cheers"])).ConfigureAwait(false);
        }
    }
}
