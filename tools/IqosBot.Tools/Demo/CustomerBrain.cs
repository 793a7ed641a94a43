using System.Text.Json.Nodes;

namespace IqosBot.Tools.Demo;

/// <summary>Where <see cref="CustomerBrain.AnswerAsync"/> left the customer.</summary>
internal enum Afterwards
{
    /// <summary>The bot is at rest (menu, "anything else?"), or said something the customer leaves as it is.</summary>
    AtRest,

    /// <summary>The bot did not understand; the journey decides whether to say it another way.</summary>
    NotUnderstood,

    /// <summary>"Did this help?" left unanswered: the customer goes on with something else.</summary>
    Ignored,

    /// <summary>The conversation went to a person (or to the out-of-hours options) and is over.</summary>
    HandedOver,

    /// <summary>The customer left on purpose (cancelled, said goodbye, or went quiet).</summary>
    Left,
}

/// <summary>
/// Answers whatever the bot asks, as the <see cref="Persona"/> would, until the bot is at rest or the customer is done.
/// One place for every question of every journey, because the bot switches journeys when a customer changes their
/// mind, and a customer must never be stuck on a question their script did not foresee.
/// </summary>
internal static class CustomerBrain
{
    private const int MostAnswers = 20;

    public static async Task<Afterwards> AnswerAsync(DemoCustomer c, Persona p)
    {
        var wrongSerialUsed = false;
        var emailChanged = false;
        var step = 0;
        for (var answers = 0; answers < MostAnswers; answers++)
        {
            var ask = c.Ask;
            if (p.QuitAt == ask)
            {
                return await QuitAsync(c, p, ask).ConfigureAwait(false);
            }

            if (p.MindChange is { } change && change.At == ask)
            {
                // Once: then the bot switches (or asks whether to), and the persona answers that journey's questions.
                p.MindChange = null;
                c.Outcome("changed their mind");
                await c.SayAsync(change.Text).ConfigureAwait(false);
                continue;
            }

            switch (ask)
            {
                case BotAsk.RegSerial:
                case BotAsk.WarSerial:
                case BotAsk.ClaimSerial:
                    var serial = ask == BotAsk.RegSerial ? p.RegistrationSerial : ask == BotAsk.WarSerial ? p.WarrantySerial : p.ClaimSerial;
                    if (p.WrongSerialFirst is { } wrong && !wrongSerialUsed)
                    {
                        (serial, wrongSerialUsed) = (wrong, true);
                    }
                    else if (wrongSerialUsed && c.Chance(0.5))
                    {
                        serial = c.Pick([$"oj skrev fel, det är {serial}", $"sorry, {serial}"], [$"sorry typo, its {serial}", $"oops, {serial}"]);
                    }

                    await c.SayAsync(Typed(c, serial)).ConfigureAwait(false);
                    break;
                case BotAsk.RegDate:
                    await c.SayAsync(p.PurchaseDate).ConfigureAwait(false);
                    break;
                case BotAsk.RegEmail:
                    var email = emailChanged && p.ChangedEmail is { } changed ? changed : p.RegistrationEmail;
                    await c.SayAsync(c.Chance(0.7) ? email : c.Pick([$"min mejl är {email}", $"{email} tack"], [$"its {email}", $"sure, {email}"])).ConfigureAwait(false);
                    break;
                case BotAsk.WarEmail:
                case BotAsk.ClaimEmail:
                    var account = ask == BotAsk.WarEmail ? p.WarrantyEmail : p.ClaimEmail;
                    await c.SayAsync(c.Chance(0.75) ? account : c.T($"mejlen är {account}", $"it's {account}")).ConfigureAwait(false);
                    break;
                case BotAsk.RegAge:
                    await c.SayAsync(p.AgeAnswer).ConfigureAwait(false);
                    break;
                case BotAsk.RegConsent:
                    await c.SayAsync(p.ConsentAnswer).ConfigureAwait(false);
                    break;
                case BotAsk.RegSummary:
                    if (p.ChangedEmail is not null && !emailChanged)
                    {
                        emailChanged = true;
                        await Press(c, p, "change-email", c.T("ändra e-post", "change e-mail")).ConfigureAwait(false);
                    }
                    else
                    {
                        await Press(c, p, "confirm", c.Pick(["ja det stämmer", "japp", "registrera"], ["yes", "looks good", "register"])).ConfigureAwait(false);
                    }

                    break;
                case BotAsk.RegisterNow:
                    await c.SayAsync(p.RegistersWhenOffered
                        ? c.Pick(["ja gärna", "ja", "ok kör"], ["yes please", "sure"])
                        : c.Pick(["nej inte nu", "nej tack", "nä"], ["no thanks", "not now"])).ConfigureAwait(false);
                    break;
                case BotAsk.BrokenWhatHappened:
                    await c.SayAsync(p.Symptom).ConfigureAwait(false);
                    break;
                case BotAsk.BrokenAccidentKind:
                    await c.SayAsync(p.AccidentKind).ConfigureAwait(false);
                    break;
                case BotAsk.BrokenModel:
                    await c.SayAsync(p.Model).ConfigureAwait(false);
                    break;
                case BotAsk.BrokenDidThatHelp:
                    step++;
                    await c.SayAsync(step == p.SolvedAtStep
                        ? c.Pick(["ja det hjälpte!", "ja nu funkar den", "jaa tack"], ["yes that worked!", "yes it works now"])
                        : c.Pick(["nej", "nä", "nej tyvärr inte", "funkar fortfarande inte", "nope"], ["no", "nope", "still not working", "no it didnt"])).ConfigureAwait(false);
                    break;
                case BotAsk.ClaimStreet:
                    var (street, postcode, city) = p.Address;
                    await c.SayAsync(p.AddressInParts ? street : $"{street}, {postcode} {city}").ConfigureAwait(false);
                    break;
                case BotAsk.ClaimPostcode:
                    await c.SayAsync(p.Address.Postcode).ConfigureAwait(false);
                    break;
                case BotAsk.ClaimCity:
                    await c.SayAsync(p.Address.City.ToLowerInvariant()).ConfigureAwait(false);
                    break;
                case BotAsk.ClaimConfirmAddress:
                    await c.SayAsync(c.Pick(["ja", "ja, skicka dit", "stämmer"], ["yes", "yes that's right"])).ConfigureAwait(false);
                    break;
                case BotAsk.ClaimRetry:
                    await c.SayAsync(c.T("Försök igen", "Try again")).ConfigureAwait(false);
                    break;
                case BotAsk.DidThisHelp:
                    var roll = c.Random.NextDouble();
                    if (roll >= p.HelpedChance + p.NotHelpedChance)
                    {
                        c.Outcome("faq: did-this-help ignored");
                        return Afterwards.Ignored;
                    }

                    c.Outcome(roll < p.HelpedChance ? "faq: helped" : "faq: not helped");
                    await c.SayAsync(roll < p.HelpedChance
                        ? c.Pick(["ja", "ja tack", "ja, det hjälpte", "perfekt tack", "jepp"], ["yes", "yes thanks", "yep that helped", "great thanks"])
                        : c.Pick(["nej", "nej inte riktigt", "nä", "inte alls"], ["no", "not really", "nah", "no it didnt"])).ConfigureAwait(false);
                    break;
                case BotAsk.OfferPerson:
                    if (p.WantsPerson)
                    {
                        await HandoffCustomer.AcceptOfferAsync(c).ConfigureAwait(false);
                        return Afterwards.HandedOver;
                    }

                    await c.SayAsync(c.Pick(["nej tack", "nej", "nä det behövs inte"], ["no thanks", "nope"])).ConfigureAwait(false);
                    break;
                case BotAsk.HandoffDescribe:
                case BotAsk.Queued:
                case BotAsk.ClosedOptions:
                    await HandoffCustomer.ContinueAsync(c).ConfigureAwait(false);
                    return Afterwards.HandedOver;
                case BotAsk.SwitchConfirm:
                    await c.SayAsync(p.AcceptsSwitch ? c.Pick(["ja", "ja gärna"], ["yes", "yes please"]) : c.Pick(["nej", "nej vi fortsätter"], ["no", "no, carry on"])).ConfigureAwait(false);
                    break;
                case BotAsk.DidYouMean:
                    // Clicks the first suggestion, as most people do.
                    var first = c.Last.Suggestions.FirstOrDefault();
                    if (first is null || c.Chance(0.15))
                    {
                        return Afterwards.AtRest;
                    }

                    await c.SayAsync(first).ConfigureAwait(false);
                    break;
                case BotAsk.Fallback:
                    return Afterwards.NotUnderstood;
                default:
                    return Afterwards.AtRest;
            }
        }

        return Afterwards.AtRest;
    }

    /// <summary>A serial as people type it: as printed, lower case, or with spaces.</summary>
    private static string Typed(DemoCustomer c, string serial)
    {
        if (serial.Contains(' ', StringComparison.Ordinal) || serial.Length != 12)
        {
            return serial;
        }

        return c.Random.Next(5) switch
        {
            0 => serial.ToLowerInvariant(),
            1 => $"{serial[..4]} {serial[4..8]} {serial[8..]}",
            2 => c.T($"koden är {serial}", $"the code is {serial}"),
            _ => serial,
        };
    }

    /// <summary>The summary card's button (Action.Submit data), or the same typed.</summary>
    private static Task<BotTurn> Press(DemoCustomer c, Persona p, string action, string typed)
        => p.PressesButtons ? c.SubmitAsync(new JsonObject { ["action"] = action }) : c.SayAsync(typed);

    private static async Task<Afterwards> QuitAsync(DemoCustomer c, Persona p, BotAsk ask)
    {
        c.Outcome($"quit at {ask} ({p.QuitBy.ToString().ToLowerInvariant()})");
        switch (p.QuitBy)
        {
            case QuitBy.Cancel:
                await c.SayAsync(c.Pick(["avbryt", "glöm det", "nej förresten, avbryt", "äh strunta i det"], ["cancel", "never mind", "forget it"])).ConfigureAwait(false);
                break;
            case QuitBy.Goodbye:
                await c.SayAsync(c.Pick(["tack hejdå", "ok hej då", "hejdå"], ["ok thanks, bye", "bye"])).ConfigureAwait(false);
                break;
        }

        return Afterwards.Left;
    }
}
