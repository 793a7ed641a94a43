using IqosBot.Dialogs.Understanding;

namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>
/// What a conversation must have done by a point, as the table says it (lines starting with '='):
/// <c>registered SERIAL</c>, <c>nothing registered</c>, <c>claims N</c>, <c>lookups N</c>, <c>queued</c>,
/// <c>not queued</c>, <c>callbacks N</c>, <c>serial checked SERIAL</c>, <c>serial not checked</c>.
/// </summary>
internal static class ConversationEffects
{
    public static bool Holds(ListeningBot bot, string effect, out string actual)
    {
        var words = effect.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var registered = bot.Api.Registrations.Select(call => call.Registration.Serial).ToList();
        switch (words)
        {
            case ["registered", var serial]:
                actual = $"registrations were [{string.Join(", ", registered)}]";
                return registered.Contains(SerialNumber.Normalize(serial));
            case ["nothing", "registered"]:
                actual = $"registrations were [{string.Join(", ", registered)}]";
                return registered.Count == 0;
            case ["claims", var count]:
                actual = $"{bot.Claims.Creates.Count} claims were filed";
                return bot.Claims.Creates.Count == int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
            case ["lookups", var count]:
                actual = $"{bot.Api.Lookups.Count} warranty lookups were made";
                return bot.Api.Lookups.Count == int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
            case ["queued"]:
                actual = $"{bot.People.AgentRequests.Count} requests for an agent were made";
                return bot.People.AgentRequests.Count > 0;
            case ["not", "queued"]:
                actual = $"{bot.People.AgentRequests.Count} requests for an agent were made";
                return bot.People.AgentRequests.Count == 0;
            case ["callbacks", var count]:
                actual = $"{bot.People.Callbacks.Count} callbacks were booked";
                return bot.People.Callbacks.Count == int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
            case ["serial", "checked", var serial]:
                actual = $"serials checked were [{string.Join(", ", bot.Api.SerialChecks)}]";
                return bot.Api.SerialChecks.Contains(SerialNumber.Normalize(serial));
            case ["serial", "not", "checked"]:
                actual = $"serials checked were [{string.Join(", ", bot.Api.SerialChecks)}]";
                return bot.Api.SerialChecks.Count == 0;
            default:
                throw new FormatException($"Unknown effect '{effect}'.");
        }
    }
}
