using System.Globalization;
using System.Text;
using IqosBot.Insights;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// The report's tables as CSV for a spreadsheet (CONTRACT.md, "Export tables"): a header row, one row per line,
/// cells quoted when they hold a comma, a quote or a line break, numbers with a decimal point whatever the server's
/// culture, and no customer text that a spreadsheet would run as a formula.
/// </summary>
public sealed class InsightsCsvTests
{
    [Theory]
    [InlineData("summary", "from,to,language,conversations,engagedConversations,containmentRate,escalationRate,abandonmentRate,averageRating", 1)]
    [InlineData("ratings", "rating,count", 5)]
    [InlineData("intents", "intent,count", 2)]
    [InlineData("faq", "answer,shown,helped,notHelped", 1)]
    [InlineData("funnels", "journey,step,conversations,dropOff", 3)]
    [InlineData("hours", "hour,conversations,outsideOpeningHours", 24)]
    [InlineData("unanswered", "text,count", 2)]
    public void Each_table_has_a_header_row_and_a_row_per_entry(string table, string header, int rows)
    {
        var lines = Lines(InsightsCsv.Write(Figures(), table)!);

        Assert.Equal(header, lines[0]);
        Assert.Equal(rows, lines.Count - 1);
        var columns = Parse(InsightsCsv.Write(Figures(), table)!);
        Assert.All(columns, row => Assert.Equal(header.Split(',').Length, row.Count));
    }

    [Fact]
    public void Every_table_of_the_contract_is_written()
    {
        string[] contract = ["summary", "ratings", "escalations", "intents", "faq", "funnels", "queue", "hours", "unanswered"];

        Assert.Equal(contract, InsightsCsv.Tables);
        Assert.All(contract, table => Assert.EndsWith("\r\n", InsightsCsv.Write(Figures(), table), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("Summary")]
    [InlineData("")]
    public void An_unknown_table_is_null(string table) => Assert.Null(InsightsCsv.Write(Figures(), table));

    [Fact]
    public void The_summary_row_holds_the_figures_and_empty_cells_for_rates_without_a_value()
    {
        var summary = Parse(InsightsCsv.Write(Figures(), "summary")!);
        var empty = Parse(InsightsCsv.Write(Figures() with { Language = "sv", ContainmentRate = null, AverageRating = null }, "summary")!);

        Assert.Equal(["2026-01-15", "2026-01-15", "all", "12345", "8", "0.625", "0.375", "0.125", "4.33"], summary[1]);
        Assert.Equal(["2026-01-15", "2026-01-15", "sv", "12345", "8", "", "0.375", "0.125", ""], empty[1]);
    }

    [Fact]
    public void The_queue_and_escalation_tables_hold_their_measures()
    {
        var queue = Parse(InsightsCsv.Write(Figures(), "queue")!);
        var escalations = Parse(InsightsCsv.Write(Figures(), "escalations")!);

        Assert.Equal(["measure", "count", "p50", "p90", "p95", "max"], queue[0]);
        Assert.Equal(["queueWaitSeconds", "4", "20", "40.5", "40.5", "40.5"], queue[1]);
        Assert.Equal(["handlingSeconds", "0", "", "", "", ""], queue[2]);
        Assert.Equal(["trigger", "count"], escalations[0]);
        Assert.Contains(["asked", "2"], escalations);
        Assert.Contains(["requested", "3"], escalations);
        Assert.Contains(["leftQueue", "1"], escalations);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Numbers_have_a_decimal_point_whatever_the_culture(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);

            var summary = InsightsCsv.Write(Figures(), "summary")!;
            var queue = InsightsCsv.Write(Figures(), "queue")!;

            Assert.Contains(",12345,8,0.625,0.375,0.125,4.33\r\n", summary, StringComparison.Ordinal);
            Assert.Contains("queueWaitSeconds,4,20,40.5,40.5,40.5\r\n", queue, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("kan jag betala, med klarna")]
    [InlineData("vad betyder \"ready\" på skärmen")]
    [InlineData("rad ett\nrad två")]
    [InlineData("rad ett\r\nrad två")]
    [InlineData("\"")]
    public void Commas_quotes_and_line_breaks_are_quoted_and_read_back_the_same(string text)
    {
        var csv = InsightsCsv.Write(Figures() with { Unanswered = [new UnansweredGroup(text, 3, [])] }, "unanswered")!;

        var rows = Parse(csv);

        Assert.Equal([["text", "count"], [text, "3"]], rows);
        Assert.StartsWith("text,count\r\n\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"klicka\")")]
    [InlineData("+46 mitt nummer")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A9)")]
    public void Customer_text_a_spreadsheet_would_run_as_a_formula_gets_a_quote_before_it(string text)
    {
        var rows = Parse(InsightsCsv.Write(Figures() with { Unanswered = [new UnansweredGroup(text, 1, [])] }, "unanswered")!);

        Assert.Equal(["'" + text, "1"], rows[1]);
    }

    [Theory]
    [InlineData("har ni öppet på julafton?")]
    [InlineData("vad kostar iqos 3 duo")]
    [InlineData("'redan citerad")]
    public void Other_text_is_written_as_it_is(string text)
    {
        var csv = InsightsCsv.Write(Figures() with { Unanswered = [new UnansweredGroup(text, 1, [])] }, "unanswered")!;

        Assert.Equal($"text,count\r\n{text},1\r\n", csv);
    }

    /// <summary>Hand-made figures, so the CSV is tested apart from how they are computed.</summary>
    private static InsightFigures Figures() => new(
        "2026-01-15", "2026-01-15", null, "Europe/Stockholm",
        12345, 8, 0.625, 0.375, 0.125, 4.33,
        [new RatingCount(1, 0), new RatingCount(2, 1), new RatingCount(3, 0), new RatingCount(4, 1), new RatingCount(5, 1)],
        [new EscalationCount("asked", 2), new EscalationCount("offered", 1)],
        new HandoffCounts(3, 2, 1, 1, 0, 1),
        new FallbackCounts(2, 1),
        [new IntentCount("RegisterDevice", 3), new IntentCount("HumanAgent", 1)],
        [new FaqAnswerFigures("FaqBenefits", 3, 1, 1)],
        [new Funnel("registration", [new FunnelStep("started", 2, 0), new FunnelStep("regSerial", 2, 1)]), new Funnel("claim", [new FunnelStep("started", 0, 0)])],
        new Percentiles(4, 20, 40.5, 40.5, 40.5),
        new Percentiles(0, null, null, null, null),
        [.. Enumerable.Range(0, 24).Select(hour => new HourVolume(hour, hour == 10 ? 5 : 0, 0))],
        [new UnansweredGroup("har ni öppet på julafton?", 2, []), new UnansweredGroup("kan jag betala med klarna", 1, [])]);

    private static List<string> Lines(string csv) => [.. csv.Split("\r\n")[..^1]];

    /// <summary>A plain RFC 4180 reader: what a spreadsheet makes of the text.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "A quoted cell is not closed.");
        Assert.Equal(0, cell.Length + row.Count);
        return rows;
    }
}
