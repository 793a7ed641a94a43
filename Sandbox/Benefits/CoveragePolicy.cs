using IqosBot.Benefits.Contract;
using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// How the CRM derives a device's cover from its dates. Warranty and money-back run from the purchase,
/// accidental damage cover from the registration, and the benefit programme belongs to the account: it
/// runs from the purchase of the most recently bought device registered to it, so registering a newer
/// device extends it for all of them, and registering an older one changes nothing.
/// </summary>
internal sealed class CoveragePolicy(IOptions<BenefitsSandboxOptions> options)
{
    private readonly BenefitsSandboxOptions _options = options.Value;

    public DeviceCoverage For(string model, RegistrationRecord registration) => new(
        Model: model,
        PurchaseDate: registration.PurchaseDate,
        RegistrationDate: registration.RegistrationDate,
        WarrantyEnd: registration.PurchaseDate.AddMonths(_options.WarrantyMonths),
        BenefitProgramEnd: registration.LatestPurchaseOnAccount.AddMonths(_options.BenefitProgramMonths),
        AccidentalDamageEnd: registration.RegistrationDate.AddMonths(_options.AccidentalDamageMonths),
        AccidentalDamageClaimUsed: registration.AccidentalDamageClaimUsed,
        MoneyBackEnd: registration.PurchaseDate.AddDays(_options.MoneyBackDays));
}
