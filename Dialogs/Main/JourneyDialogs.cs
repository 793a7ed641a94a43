using IqosBot.Dialogs.Broken;
using IqosBot.Dialogs.Faq;
using IqosBot.Dialogs.Registration;
using IqosBot.Dialogs.Warranty;

namespace IqosBot.Dialogs.Main;

/// <summary>
/// The journeys <see cref="MainDialog"/> starts as its children. A request for a person from inside one names it
/// as the dialog the customer was in (<c>HandoffRequest.LastDialog</c>), and agents see that by a label: the
/// agent console needs one for every id here.
/// </summary>
public static class JourneyDialogs
{
    public static IReadOnlyList<string> Ids { get; } = [nameof(BrokenDeviceDialog), nameof(FaqDialog), nameof(RegistrationDialog), nameof(WarrantyStatusDialog)];
}
