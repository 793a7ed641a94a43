namespace IqosBot.Dialogs.Registration;

/// <summary>
/// What the customer has answered so far. It lives in the registration dialog's state only while the
/// dialog runs: when the dialog ends, it leaves the stack and the stored conversation with it.
/// Steps skip what is already filled, so "change the e-mail" clears that field and runs the dialog again.
/// </summary>
public sealed class RegistrationForm
{
    public string? Serial { get; set; }

    public DateOnly? PurchaseDate { get; set; }

    public string? Email { get; set; }

    public bool AgeConfirmed { get; set; }

    public bool? MarketingConsent { get; set; }

    /// <summary>One key per registration attempt, so retries of the same submission never register twice.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The "let's register" line is said once, not again after each correction.</summary>
    public bool IntroShown { get; set; }

    /// <summary>Set when the API did not know the serial: the next serial question says so.</summary>
    public bool SerialRejected { get; set; }

    /// <summary>Set when the API refused the purchase date for this model.</summary>
    public bool DateRejected { get; set; }
}
