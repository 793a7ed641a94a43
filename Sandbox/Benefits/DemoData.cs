namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The devices a newcomer can try the bot with (listed in deployment/benefits-api/openapi.yaml). Dates are
/// relative to the day the sandbox is first started, so the demo covers live, used and expired cover
/// whenever someone tries it.
/// </summary>
internal static class DemoData
{
    public const string DemoEmail = "demo@example.com";
    public const string OtherEmail = "someone.else@example.com";

    public static IReadOnlyList<DemoDevice> Devices(DateOnly today) =>
    [
        new("ILP1A2B3C4D5", DeviceModels.IlumaPrime, null),
        new("ILO7G6H5J4K3", DeviceModels.IlumaOne, null),
        new("D3U9F8E7D6C5", DeviceModels.Iqos3Duo, null),
        new("ILU2M3N4P5Q6", DeviceModels.Iluma, new DemoRegistration(DemoEmail, today.AddMonths(-7), ClaimUsed: false)),
        new("ILP8R7S6T5U4", DeviceModels.IlumaPrime, new DemoRegistration(DemoEmail, today.AddMonths(-4), ClaimUsed: true)),
        new("D3U1V2W3X4Y5", DeviceModels.Iqos3Duo, new DemoRegistration(DemoEmail, today.AddMonths(-26), ClaimUsed: false)),
        new("ILU9Z8Y7X6W5", DeviceModels.Iluma, new DemoRegistration(OtherEmail, today.AddMonths(-3), ClaimUsed: false)),
    ];

    /// <summary>Both demo accounts are activated: a pending account is what a new registration creates.</summary>
    public static IReadOnlyList<string> ActiveAccounts { get; } = [DemoEmail, OtherEmail];
}

internal sealed record DemoDevice(string Serial, string Model, DemoRegistration? Registration);

/// <summary>A demo device bought and registered on the same day.</summary>
internal sealed record DemoRegistration(string Email, DateOnly Date, bool ClaimUsed);
