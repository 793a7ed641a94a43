using System.ComponentModel.DataAnnotations;

namespace IqosBot.Dialogs.Support;

/// <summary>
/// The policy figures FAQ answers quote (configuration section "Policy"). They are the business's to
/// change, so answers refer to them by placeholder and never spell them out.
/// Per-device dates come only from the benefits API, never from these.
/// </summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Policy";

    [Range(1, 365)]
    public int MoneyBackDays { get; set; }

    [Range(1, 100)]
    public int MoneyBackMaxDevices { get; set; }

    [Range(1, 365)]
    public int ReturnDays { get; set; }

    [Range(1, 120)]
    public int WarrantyMonths { get; set; }

    [Range(1, 120)]
    public int AccidentalDamageMonths { get; set; }

    [Range(1, 120)]
    public int BenefitProgramMonths { get; set; }

    [Range(1, 100)]
    public int AccessoriesDiscountPercent { get; set; }
}
