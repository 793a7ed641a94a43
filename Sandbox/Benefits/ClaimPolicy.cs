using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// Whether a registered device may get a claim, from the cover <see cref="CoveragePolicy"/> computes.
/// A warranty replacement is for a defect while the warranty runs (its end day included); damage from an
/// accident is no defect, so a warranty claim naming any damage is <c>damage-excluded</c>. An accidental-damage
/// claim is refused for what the terms exclude (liquid contact), when the device's one claim is used, or
/// after the accidental-damage cover ended; checked in that order.
/// </summary>
internal sealed class ClaimPolicy(CoveragePolicy coverage, SwedishCalendar calendar)
{
    /// <returns>The refusal reason (<see cref="ClaimRefusalReasons"/>), or null when eligible.</returns>
    public string? RefusalFor(DeviceRecord device, string kind, string damage)
    {
        if (device.Registration is not { } registration)
        {
            return ClaimRefusalReasons.NotRegistered;
        }

        var cover = coverage.For(device.Model, registration);
        var today = calendar.Today;
        if (string.Equals(kind, ClaimKinds.WarrantyReplacement, StringComparison.Ordinal))
        {
            if (!string.Equals(damage, DamageKinds.None, StringComparison.Ordinal))
            {
                return ClaimRefusalReasons.DamageExcluded;
            }

            return cover.WarrantyEnd >= today ? null : ClaimRefusalReasons.WarrantyExpired;
        }

        if (string.Equals(damage, DamageKinds.Liquid, StringComparison.Ordinal))
        {
            return ClaimRefusalReasons.DamageExcluded;
        }

        if (cover.AccidentalDamageClaimUsed)
        {
            return ClaimRefusalReasons.AccidentalClaimUsed;
        }

        return cover.AccidentalDamageEnd >= today ? null : ClaimRefusalReasons.AccidentalCoverExpired;
    }
}
