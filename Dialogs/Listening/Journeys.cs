using IqosBot.Dialogs.Engine;

namespace IqosBot.Dialogs.Listening;

/// <summary>Finds the journey a prompt belongs to, from the prompt's place on the stack.</summary>
internal static class Journeys
{
    /// <summary>The innermost running journey above <paramref name="dc"/>, with its own dialog context; null outside any journey (the menu, an FAQ answer).</summary>
    public static (IJourney Journey, DialogContext InnerDc)? Innermost(DialogContext dc)
    {
        for (var inner = dc; inner.Parent is { } outer; inner = outer)
        {
            if (outer.ActiveDialog is { } instance && outer.FindDialog(instance.Id) is IJourney journey)
            {
                return (journey, inner);
            }
        }

        return null;
    }
}
