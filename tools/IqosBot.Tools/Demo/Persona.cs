namespace IqosBot.Tools.Demo;

/// <summary>How a customer leaves a journey halfway.</summary>
internal enum QuitBy
{
    /// <summary>"avbryt", "glöm det", "never mind".</summary>
    Cancel,

    /// <summary>"tack hej då": a polite goodbye in the middle of it.</summary>
    Goodbye,

    /// <summary>Closes the tab: nothing more is written.</summary>
    Silent,
}

/// <summary>
/// What one customer knows and wants, so that whatever the bot asks (even in a journey they did not start, after
/// the bot switched) they have an answer: their device, e-mail, address, how patient they are, whether they want a
/// person. A journey sets what matters for it; everything else keeps a sensible default from the demo devices.
/// </summary>
internal sealed class Persona
{
    /// <summary>The defaults in the customer's language, with their own made-up e-mail.</summary>
    public Persona(DemoCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        RegistrationEmail = customer.Email;
        if (!customer.Swedish)
        {
            PurchaseDate = "yesterday";
            AgeAnswer = "yes";
            ConsentAnswer = "no";
            Symptom = "it doesnt charge";
            AccidentKind = "I dropped it";
        }
    }

    /// <summary>The serial given at the registration's question (the sandbox's unregistered devices by default).</summary>
    public string RegistrationSerial { get; set; } = "ILP1A2B3C4D5";

    /// <summary>A code written first that the bot cannot find (a typo, the wrong sticker); null writes the right one at once.</summary>
    public string? WrongSerialFirst { get; set; }

    public string RegistrationEmail { get; set; }

    /// <summary>An e-mail to change to at the summary card; null confirms it as it is.</summary>
    public string? ChangedEmail { get; set; }

    public string PurchaseDate { get; set; } = "igår";

    public string AgeAnswer { get; set; } = "ja";

    public string ConsentAnswer { get; set; } = "nej";

    /// <summary>Press the summary card's Register button (as in Web Chat) rather than typing "ja".</summary>
    public bool PressesButtons { get; set; } = true;

    public string WarrantySerial { get; set; } = "ILU2M3N4P5Q6";

    public string WarrantyEmail { get; set; } = "demo@example.com";

    /// <summary>At "it isn't registered yet, register it now?".</summary>
    public bool RegistersWhenOffered { get; set; }

    public string Symptom { get; set; } = "den laddar inte";

    public string AccidentKind { get; set; } = "jag tappade den";

    public string Model { get; set; } = "iluma";

    /// <summary>The troubleshooting step (1-based) after which the device works again; null: none helps.</summary>
    public int? SolvedAtStep { get; set; }

    public string ClaimSerial { get; set; } = "ILU2M3N4P5Q6";

    public string ClaimEmail { get; set; } = "demo@example.com";

    /// <summary>Street, postcode and city; written on one line unless <see cref="AddressInParts"/>.</summary>
    public (string Street, string Postcode, string City) Address { get; set; } = ("Storgatan 1", "111 22", "Stockholm");

    public bool AddressInParts { get; set; }

    /// <summary>The chance of answering "did this help?" with yes; <see cref="NotHelpedChance"/> with no, the rest ignore it.</summary>
    public double HelpedChance { get; set; } = 0.45;

    public double NotHelpedChance { get; set; } = 0.25;

    /// <summary>Says yes when the bot offers a person.</summary>
    public bool WantsPerson { get; set; }

    /// <summary>At "would you like to … instead?": go on with the switch, or stay.</summary>
    public bool AcceptsSwitch { get; set; } = true;

    /// <summary>A change of mind: at this question, instead of answering, the customer writes this (another request).</summary>
    public (BotAsk At, string Text)? MindChange { get; set; }

    /// <summary>The question at which the customer leaves, and how; null goes to the end.</summary>
    public BotAsk? QuitAt { get; set; }

    public QuitBy QuitBy { get; set; } = QuitBy.Cancel;
}
