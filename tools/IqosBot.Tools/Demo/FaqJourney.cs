namespace IqosBot.Tools.Demo;

/// <summary>
/// Questions the FAQ answers, a topic at a time, written as customers write them: one to three questions, each
/// answered with "did this help?" that they answer yes, no (and then maybe want a person) or ignore; some open with
/// a greeting, some ask two things in one message, some press a follow-up suggestion.
/// </summary>
internal static class FaqJourney
{
    /// <summary>Each topic's Swedish and English ways of asking; several per topic so they vary but still group.</summary>
    private static readonly (string[] Sv, string[] En)[] Topics =
    [
        // What registering gives.
        (["vad får jag om jag registrerar min iqos?", "varför ska man registrera enheten", "vad ingår om man registrerar", "vinner jag nåt på att registrera den"],
         ["what do i get if i register my iqos", "why should i register my device", "whats the point of registering"]),
        // Warranty terms.
        (["hur lång garanti är det på iluma?", "vad täcker garantin", "gäller garantin om batteriet blir sämre", "garantitid?", "hur länge gäller garantin"],
         ["how long is the warranty", "what does the warranty cover", "is the battery covered by warranty"]),
        // Money back.
        (["kan jag få pengarna tillbaka om jag inte gillar den", "hur funkar pengarna tillbaka garantin", "vill returnera min iluma, gillar den inte",
          "köpte den för 80 dagar sedan, kan jag få pengarna tillbaka?", "köpte den för 3 veckor sen på iqos.com och vill skicka tillbaka den"],
         ["can i get my money back", "how does the money back guarantee work", "bought it 2 weeks ago and want a refund"]),
        // Care Plus and accidental damage.
        (["vad ingår i care plus", "vad är care plus", "täcker ni om jag tappar den?", "olycksfallsskydd, hur funkar det", "gäller försäkringen om den går sönder i en olycka"],
         ["whats in care plus", "what is care plus", "am i covered if i drop it", "how does accidental damage cover work"]),
        // Abroad.
        (["kan jag få hjälp utomlands", "ska till spanien, funkar garantin där?", "vad gör jag om den går sönder på semestern"],
         ["can i get help abroad", "going to spain, does the warranty work there", "what if it breaks when im travelling"]),
        // Accessories discount.
        (["får jag rabatt på tillbehör?", "rabatt på skal?", "hur funkar tillbehörsrabatten"],
         ["do i get a discount on accessories", "accessories discount?"]),
        // Contact and opening hours.
        (["hur når jag kundtjänst", "vilka öppettider har ni", "vad är ert telefonnummer", "när öppnar ni imorgon", "har ni mejl?"],
         ["how do i contact customer care", "what are your opening hours", "whats your phone number"]),
        // The IQOS Expert.
        (["vad är en iqos expert", "vad gör iqos experten"], ["what is an iqos expert", "who is my iqos expert"]),
        // Cleaning.
        (["hur rengör jag min iqos", "hur ofta ska man rengöra den", "hur gör jag ren iluma"], ["how do i clean my iqos", "how often should i clean it"]),
        // Account.
        (["glömt lösenordet till kontot", "kommer inte in på mitt konto", "måste jag ha ett konto"], ["forgot my password", "cant log in to my account"]),
        // News and offers.
        (["hur avregistrerar jag mig från nyhetsbrevet", "vill inte ha fler reklammejl"], ["how do i unsubscribe from emails"]),
        // A replacement.
        (["kan jag få en ny enhet om min går sönder", "hur får jag en ersättningsenhet"], ["can i get a replacement device", "how do i get a new one if mine breaks"]),
    ];

    private static readonly (string Sv, string En)[] TwoAtOnce =
    [
        ("hej! hur länge gäller garantin och kan jag få pengarna tillbaka?", "hi, how long is the warranty and can i get a refund?"),
        ("vad ingår i care plus och får man rabatt på tillbehör", "whats in care plus and do i get a discount on accessories"),
        ("två frågor: öppettider och ert mejl?", "two things: opening hours and your email?"),
    ];

    public static async Task PlayAsync(DemoCustomer c)
    {
        var persona = new Persona(c) { WantsPerson = c.Chance(0.35) };
        if (c.Chance(0.2))
        {
            await c.SayAsync(c.Pick(["hej", "hejsan", "hallå", "tjena"], ["hi", "hello", "hey there"])).ConfigureAwait(false);
        }

        var questions = c.Random.Next(10) switch
        {
            < 6 => 1,
            < 9 => 2,
            _ => 3,
        };
        var topics = Enumerable.Range(0, Topics.Length).OrderBy(_ => c.Random.Next()).Take(questions).ToList();
        foreach (var topic in topics)
        {
            var both = TwoAtOnce[c.Random.Next(TwoAtOnce.Length)];
            var question = topic == topics[0] && c.Chance(0.1) ? c.T(both.Sv, both.En) : c.Pick(Topics[topic].Sv, Topics[topic].En);
            await c.SayAsync(question).ConfigureAwait(false);
            var afterwards = await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
            if (afterwards == Afterwards.NotUnderstood)
            {
                // Said another way once, as people do.
                await c.SayAsync(c.Pick(Topics[topic].Sv, Topics[topic].En)).ConfigureAwait(false);
                afterwards = await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false);
            }

            if (afterwards is Afterwards.HandedOver or Afterwards.Left)
            {
                return;
            }

            // "Did this help?" left for a follow-up question under it (after Yes and No), pressed instead of typing one.
            if (afterwards == Afterwards.Ignored && c.Chance(0.4) && c.Last.Suggestions.Count > 2)
            {
                await c.SayAsync(c.Last.Suggestions[c.Random.Next(2, c.Last.Suggestions.Count)]).ConfigureAwait(false);
                if (await CustomerBrain.AnswerAsync(c, persona).ConfigureAwait(false) is Afterwards.HandedOver or Afterwards.Left)
                {
                    return;
                }
            }
        }

        await Endings.PlayAsync(c).ConfigureAwait(false);
    }
}
