using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>Short ways to write the activities test dialogs send.</summary>
public static class Say
{
    public static Activity Text(string text) => (Activity)MessageFactory.Text(text);
}
