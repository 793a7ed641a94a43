namespace IqosBot.Tools.Demo;

/// <summary>
/// Which journey a customer plays, weighted roughly as a support chat's traffic: questions first, then devices,
/// people, and what the bot cannot answer. A customer's journey depends only on the seed and their number.
/// </summary>
internal static class JourneyCatalog
{
    private static readonly (string Name, int Weight, Func<DemoCustomer, Task> Play)[] Journeys =
    [
        ("faq", 35, FaqJourney.PlayAsync),
        ("registration", 15, RegistrationJourney.PlayAsync),
        ("warranty", 10, WarrantyJourney.PlayAsync),
        ("broken", 10, BrokenJourney.PlayAsync),
        ("person", 12, PersonJourney.PlayAsync),
        ("offtopic", 12, OffTopicJourney.PlayAsync),
        ("smalltalk", 6, SmallTalkJourney.PlayAsync),
    ];

    private static readonly int TotalWeight = Journeys.Sum(journey => journey.Weight);

    public static (string Name, Func<DemoCustomer, Task> Play) Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var (name, weight, play) in Journeys)
        {
            if (roll < weight)
            {
                return (name, play);
            }

            roll -= weight;
        }

        return (Journeys[0].Name, Journeys[0].Play);
    }

    /// <summary>
    /// The browser locale of a customer who writes Swedish or English: mostly matching, sometimes not (an English
    /// speaker with a Swedish browser, a Swede on an English laptop), which the bot's language policy must sort out.
    /// </summary>
    public static string Locale(bool swedish, Random random) => (swedish, random.Next(10)) switch
    {
        (true, 0) => "en-US",
        (true, _) => "sv-SE",
        (false, < 3) => "sv-SE",
        (false, < 7) => "en-US",
        _ => "en-GB",
    };
}
