namespace IqosBot.Dialogs.Understanding;

/// <summary>
/// The intents the bot understands. The names are fixed: the training files in knowledge/utterances,
/// the CLU project in deployment/clu and the dialogs all use them.
/// </summary>
public static class Intents
{
    public const string Greeting = nameof(Greeting);
    public const string Goodbye = nameof(Goodbye);
    public const string Thanks = nameof(Thanks);
    public const string Help = nameof(Help);
    public const string RegisterDevice = nameof(RegisterDevice);
    public const string RegistrationHelp = nameof(RegistrationHelp);
    public const string WarrantyStatus = nameof(WarrantyStatus);
    public const string WarrantyInfo = nameof(WarrantyInfo);
    public const string MoneyBackGuarantee = nameof(MoneyBackGuarantee);
    public const string CarePlus = nameof(CarePlus);
    public const string IqosExpert = nameof(IqosExpert);
    public const string DeviceReplacement = nameof(DeviceReplacement);
    public const string InternationalSupport = nameof(InternationalSupport);
    public const string Troubleshooting = nameof(Troubleshooting);
    public const string Cleaning = nameof(Cleaning);
    public const string ContactSupport = nameof(ContactSupport);
    public const string AccessoriesDiscount = nameof(AccessoriesDiscount);
    public const string Marketing = nameof(Marketing);
    public const string AccountHelp = nameof(AccountHelp);
    public const string HumanAgent = nameof(HumanAgent);
    public const string None = nameof(None);

    public static IReadOnlyList<string> All { get; } =
    [
        Greeting, Goodbye, Thanks, Help, RegisterDevice, RegistrationHelp, WarrantyStatus, WarrantyInfo, MoneyBackGuarantee,
        CarePlus, IqosExpert, DeviceReplacement, InternationalSupport, Troubleshooting, Cleaning, ContactSupport,
        AccessoriesDiscount, Marketing, AccountHelp, HumanAgent, None,
    ];
}
