namespace IqosBot.Dialogs.Warranty;

/// <summary>What the warranty lookup has from the customer; either may come from a journey they left.</summary>
/// <remarks>Kept in dialog state, so it must survive a JSON round trip.</remarks>
public sealed class WarrantyForm
{
    public string? Serial { get; set; }

    public string? Email { get; set; }
}
