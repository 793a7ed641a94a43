namespace IqosBot.Dialogs.Choices;

/// <summary>
/// The bound on every regular expression that sees customer text. Patterns run without backtracking where
/// .NET allows it (<c>RegexOptions.NonBacktracking</c>: no lookarounds, no back-references) and with bounded
/// quantifiers otherwise, so they are linear in the text; the timeout is the backstop that keeps one hostile
/// message from holding a thread, and a caller that hits it treats the text as not understood.
/// </summary>
public static class RegexLimits
{
    /// <summary>
    /// Far above what any pattern needs on the longest message the bot reads (milliseconds). The timeout is wall
    /// clock: at 200 ms a busy instance (a peak, a noisy neighbour) sometimes timed out on an ordinary date and told
    /// the customer it did not understand; a second still stops a pathological pattern long before it matters.
    /// </summary>
    public const int TimeoutMilliseconds = 1000;
}
