using IqosBot.Dialogs.Engine;
using Microsoft.Bot.Builder;
using IqosBot.Dialogs.Common;

namespace IqosBot.Dialogs.Listening;

/// <summary>
/// A journey as the <see cref="ListeningPolicy"/> sees it, from any prompt inside it: what it serves, what it
/// has collected, what help and a request for a person mean here.
/// </summary>
public interface IJourney
{
    /// <summary>Whether a request with this intent is what the journey already does (so not a switch).</summary>
    bool Serves(string intent);

    /// <param name="innerDc">The journey's own dialog context, with its waterfall and form on the stack.</param>
    JourneyProgress Progress(DialogContext innerDc);

    /// <summary>What "help" says at this journey's questions.</summary>
    string HelpText(ITurnContext turnContext);

    /// <summary>Where a request for a person goes from here (with what the agent should know); null keeps asking, as on the way to a person.</summary>
    RouteRequest? PersonRequest(DialogContext innerDc);

    /// <summary>Whether "it works again now" ends this journey.</summary>
    bool ListensForSolved { get; }

    /// <summary>What the customer should know when they leave this journey this way; null for nothing.</summary>
    string? LeaveNote(string language, LeaveKind kind);
}
