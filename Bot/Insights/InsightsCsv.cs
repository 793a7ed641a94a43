using System.Globalization;
using System.Text;

namespace IqosBot.Insights;

/// <summary>
/// The report's tables as CSV (comma separated, a header row, UTF-8 with a byte order mark so Excel reads å, ä and ö):
/// one per table of the page. A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a quote
/// before it: the unanswered messages are customers' text.
/// </summary>
public static class InsightsCsv
{
    public static IReadOnlyList<string> Tables { get; } = ["summary", "ratings", "escalations", "intents", "faq", "funnels", "queue", "hours", "unanswered"];

    /// <summary>The table as CSV text; null for a name not in <see cref="Tables"/>.</summary>
    public static string? Write(InsightFigures figures, string table)
    {
        ArgumentNullException.ThrowIfNull(figures);
        IEnumerable<object?[]>? rows = table switch
        {
            "summary" =>
            [
                ["from", "to", "language", "conversations", "engagedConversations", "containmentRate", "escalationRate", "abandonmentRate", "averageRating"],
                [figures.From, figures.To, figures.Language ?? "all", figures.Conversations, figures.EngagedConversations, figures.ContainmentRate, figures.EscalationRate, figures.AbandonmentRate, figures.AverageRating],
            ],
            "ratings" => [["rating", "count"], .. figures.Ratings.Select(row => new object?[] { row.Rating, row.Count })],
            "escalations" =>
            [
                ["trigger", "count"], .. figures.Escalations.Select(row => new object?[] { row.Trigger, row.Count }),
                ["requested", figures.Handoffs.Requested], ["queued", figures.Handoffs.Queued], ["accepted", figures.Handoffs.Accepted],
                ["closed", figures.Handoffs.Closed], ["callbacks", figures.Handoffs.Callbacks], ["leftQueue", figures.Handoffs.LeftQueue],
            ],
            "intents" => [["intent", "count"], .. figures.TopIntents.Select(row => new object?[] { row.Intent, row.Count })],
            "faq" => [["answer", "shown", "helped", "notHelped"], .. figures.FaqAnswers.Select(row => new object?[] { row.Answer, row.Shown, row.Helped, row.NotHelped })],
            "funnels" => [["journey", "step", "conversations", "dropOff"], .. figures.Funnels.SelectMany(funnel => funnel.Steps.Select(step => new object?[] { funnel.Journey, step.Step, step.Conversations, step.DropOff }))],
            "queue" =>
            [
                ["measure", "count", "p50", "p90", "p95", "max"],
                ["queueWaitSeconds", figures.QueueWait.Count, figures.QueueWait.P50, figures.QueueWait.P90, figures.QueueWait.P95, figures.QueueWait.Max],
                ["handlingSeconds", figures.HandlingTime.Count, figures.HandlingTime.P50, figures.HandlingTime.P90, figures.HandlingTime.P95, figures.HandlingTime.Max],
            ],
            "hours" => [["hour", "conversations", "outsideOpeningHours"], .. figures.VolumeByHour.Select(row => new object?[] { row.Hour, row.Conversations, row.OutsideOpeningHours })],
            "unanswered" => [["text", "count"], .. figures.Unanswered.Select(row => new object?[] { row.Text, row.Count })],
            _ => null,
        };
        if (rows is null)
        {
            return null;
        }

        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            double number => number.ToString("0.####", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (value is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
