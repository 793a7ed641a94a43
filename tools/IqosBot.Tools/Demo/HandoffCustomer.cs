namespace IqosBot.Tools.Demo;

/// <summary>
/// A customer on the way to a person, from wherever the bot offered one: a line about the case (or Skip), the
/// queue, the agent's chat, and the rating after the agent closes; or, out of hours, a callback, e-mail, or nothing.
/// Journeys call <see cref="ContinueAsync"/> once the bot has asked the first question of the handoff.
/// </summary>
internal static class HandoffCustomer
{
    private static readonly string[] DescriptionsSv =
    [
        "min iluma laddar inte sen i fredags", "gäller min beställning som inte kommit", "vill byta en trasig laddare",
        "har frågor om garantin på min prime", "fick fel färg på skalet i min order", "kontot är låst, kommer inte in",
        "dubbeldragning på kortet när jag köpte tillbehör", "hållaren blinkar rött hela tiden", "vill returnera min iluma one",
        "det gäller min order, mitt personnummer är 811218-9876",
    ];

    private static readonly string[] DescriptionsEn =
    [
        "my order hasnt arrived", "charger stopped working", "question about my warranty", "i was charged twice",
        "want to return my iluma, doesnt suit me", "cant log in to my account",
    ];

    private static readonly string[] ThanksToAgentSv = ["ok tack!", "jaha, då testar jag det", "toppen tack", "okej, förstår", "perfekt, tack för hjälpen"];

    private static readonly string[] ThanksToAgentEn = ["ok thanks!", "great, will try that", "cool thank you", "ok got it"];

    private static readonly string[] CommentsSv =
    [
        "snabb och bra hjälp!", "Anna var jättetrevlig", "tog lite lång tid men löste sig", "fick inte riktigt svar på min fråga",
        "bra!", "smidigt", "hade velat slippa vänta",
    ];

    private static readonly string[] CommentsEn = ["quick and helpful", "great service", "took a while", "didnt really solve it", "thanks anna"];

    /// <summary>Whether the bot has just asked the first question of a handoff (or put the customer straight in the queue).</summary>
    public static bool Asks(BotAsk ask) => ask is BotAsk.HandoffDescribe or BotAsk.Queued or BotAsk.ClosedOptions;

    /// <summary>Says yes to "would you like to talk to a person?" and goes on with the handoff.</summary>
    public static async Task AcceptOfferAsync(DemoCustomer customer)
    {
        await customer.SayAsync(customer.Pick(["ja", "ja gärna", "ja tack", "jaa", "gärna"], ["yes", "yes please", "yeah", "ok"])).ConfigureAwait(false);
        await ContinueAsync(customer).ConfigureAwait(false);
    }

    /// <summary>From the handoff's first question to the end: queued and served, or a callback, or gone.</summary>
    public static async Task ContinueAsync(DemoCustomer customer)
    {
        for (var step = 0; step < 6; step++)
        {
            switch (customer.Ask)
            {
                case BotAsk.HandoffDescribe:
                    customer.Outcome("handoff asked");
                    var describe = customer.Random.Next(10);
                    await customer.SayAsync(describe < 4 ? customer.T("Hoppa över", "Skip")
                        : describe < 9 ? customer.Pick(DescriptionsSv, DescriptionsEn)
                        : customer.Pick(["äh glöm det", "nej förresten"], ["never mind", "forget it"])).ConfigureAwait(false);
                    break;
                case BotAsk.Queued:
                    await QueuedAsync(customer).ConfigureAwait(false);
                    return;
                case BotAsk.ClosedOptions:
                    await ClosedAsync(customer).ConfigureAwait(false);
                    return;
                default:
                    return;
            }
        }
    }

    private static async Task QueuedAsync(DemoCustomer customer)
    {
        customer.Outcome("queued");

        // Some give up: straight away, or because nobody is on duty in this run.
        if (customer.Chance(0.12) || !customer.AgentOnDuty)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(customer.Random.Next(500, customer.AgentOnDuty ? 1500 : 4000)), customer.CancellationToken).ConfigureAwait(false);
            await customer.SayAsync(customer.Pick(["Lämna kön", "avbryt", "orkar inte vänta, avbryt"], ["Leave the queue", "cancel"])).ConfigureAwait(false);
            return;
        }

        // A quick agent joins (and may write, or even close) before the bot's queue message has been read.
        var turn = customer.Last;
        if (!turn.Has(BotNews.AgentJoined))
        {
            turn = await customer.WaitForAsync(BotNews.AgentJoined, customer.AgentTimeout).ConfigureAwait(false)
                   ?? throw new DemoFailure("no agent joined while queued");
        }

        // The agent's first words, unless they came with the join.
        if (turn.EndsWith(BotNews.AgentJoined))
        {
            turn = await customer.WaitForAnythingAsync(customer.AgentTimeout).ConfigureAwait(false) ?? turn;
        }

        if (!turn.Has(BotNews.AgentLeft) && customer.Chance(0.6))
        {
            await customer.TellAgentAsync(customer.Pick(ThanksToAgentSv, ThanksToAgentEn)).ConfigureAwait(false);
        }

        if (customer.Ask != BotAsk.Rating && await customer.WaitForAsync(BotAsk.Rating, customer.AgentTimeout).ConfigureAwait(false) is null)
        {
            throw new DemoFailure("no rating question after the agent's chat");
        }

        await RateAsync(customer).ConfigureAwait(false);
    }

    /// <summary>Mostly 4 and 5, now and then low; some leave without rating, some add a comment.</summary>
    private static async Task RateAsync(DemoCustomer customer)
    {
        if (customer.Chance(0.15))
        {
            // Closes the chat, or writes something else, which the bot takes as the next message, not a rating.
            customer.Outcome("no rating");
            if (customer.Chance(0.5))
            {
                await customer.SayAsync(customer.Pick(["tack hej", "tack för hjälpen!"], ["thanks bye"])).ConfigureAwait(false);
            }

            return;
        }

        var roll = customer.Random.Next(100);
        var rating = roll < 45 ? 5 : roll < 75 ? 4 : roll < 85 ? 3 : roll < 93 ? 2 : 1;

        // The number alone, as the buttons send it: "4 av 5" is not one of the bot's choices.
        var turn = await customer.SayAsync(rating.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (turn.Ask != BotAsk.RatingComment)
        {
            return;
        }

        // The bot stores the rating once the comment is written or skipped; a customer who leaves here leaves none.
        var comment = customer.Random.Next(10);
        if (comment < 4)
        {
            await customer.SayAsync(customer.Pick(CommentsSv, CommentsEn)).ConfigureAwait(false);
            customer.Outcome("rating comment");
        }
        else if (comment < 9)
        {
            await customer.SayAsync(customer.T("Hoppa över", "Skip")).ConfigureAwait(false);
        }
        else
        {
            customer.Outcome("left at the rating comment");
        }
    }

    /// <summary>Out of hours: a callback (a made-up mobile number, consent yes), the e-mail address, or nothing.</summary>
    private static async Task ClosedAsync(DemoCustomer customer)
    {
        var choice = customer.Random.Next(10);
        if (choice >= 8)
        {
            customer.Outcome("out of hours: left");
            return;
        }

        if (choice >= 5)
        {
            await customer.SayAsync(customer.Pick(["Mejla oss", "mejla funkar", "jag mejlar"], ["E-mail us", "email is fine"])).ConfigureAwait(false);
            return;
        }

        var turn = await customer.SayAsync(customer.Pick(["Ring upp mig", "kan ni ringa mig?", "ring upp mig tack"], ["Call me back", "can you call me back?"])).ConfigureAwait(false);
        for (var step = 0; step < 4 && turn.Ask is BotAsk.CallbackPhone or BotAsk.CallbackConsent; step++)
        {
            turn = turn.Ask == BotAsk.CallbackPhone
                ? await customer.SayAsync(customer.Pick(PhoneNumbers(customer))).ConfigureAwait(false)
                : await customer.SayAsync(customer.Pick(["ja", "ja gärna", "japp det går bra"], ["yes", "yeah go ahead", "sure"])).ConfigureAwait(false);
        }

    }

    /// <summary>Made-up Swedish mobile numbers from the bot's own examples (070-123 45 67), as people type them.</summary>
    private static string[] PhoneNumbers(DemoCustomer customer)
    {
        var last = (customer.Number % 90 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [$"070-123 45 {last}", $"0701234{last}0", $"ring mig på 070-123 45 {last}", $"+46 70 123 45 {last}"];
    }
}
