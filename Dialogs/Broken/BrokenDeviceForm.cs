using IqosBot.Dialogs.Benefits;
using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Broken;

/// <summary>What the broken-device journey has learnt so far; kept in dialog state, so a restart resumes it.</summary>
public sealed class BrokenDeviceForm
{
    /// <summary>A <see cref="Symptoms"/> key, an <see cref="Accidents"/> key, <see cref="BrokenDeviceDialog.Accident"/> (kind still to ask), or null (still to ask).</summary>
    public string? Symptom { get; set; }

    /// <summary>The model's display name, or <see cref="BrokenDeviceDialog.UnknownModel"/>.</summary>
    public string? ModelName { get; set; }

    /// <summary>The troubleshooting steps already shown.</summary>
    public int StepsTried { get; set; }

    /// <summary>
    /// The <see cref="StepKinds"/> tried so far: what the customer said they had done ("har redan startat om
    /// den") and the steps shown that did not help. Steps of these kinds are not suggested (again).
    /// </summary>
    public List<string> AlreadyTried { get; set; } = [];

    /// <summary>The first message said the customer is abroad now: International Assistance is named first.</summary>
    public bool AbroadNow { get; set; }

    public string? Serial { get; set; }

    public string? Email { get; set; }

    public ClaimKind ClaimKind { get; set; }

    public DamageKind Damage { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>One key per claim, made once: a retried create never makes a second claim.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The model's name for the customer's eyes; "IQOS" when it is not known.</summary>
    public string DisplayModel() => ModelName is null or BrokenDeviceDialog.UnknownModel ? "IQOS" : ModelName;

    public bool IsAccident => Symptom is Accidents.Dropped or Accidents.Liquid or Accidents.Cracked or BrokenDeviceDialog.OtherDamage;
}
