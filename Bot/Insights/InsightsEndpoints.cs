using System.Globalization;
using System.Text;
using IqosBot.AgentConsole;
using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IqosBot.Insights;

/// <summary>
/// The team leads' insights in the agent console (CONTRACT.md, "Insights"): the page at /agent/insights and its JSON
/// and CSV. Signed-in agents without the lead role get 403: a page that says so, or a bare 403 from the API.
/// </summary>
public static class InsightsEndpoints
{
    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/agent/insights", PageAsync).RequireAuthorization(AgentConsoleDefaults.Policy);
        var api = endpoints.MapGroup("/agent/api/insights").RequireAuthorization(AgentConsoleDefaults.LeadPolicy);
        api.MapGet(string.Empty, FiguresAsync);
        api.MapGet("/export", ExportAsync);
        return endpoints;
    }

    private static async Task<ContentHttpResult> PageAsync(HttpContext context, IAuthorizationService authorization)
    {
        var lead = await authorization.AuthorizeAsync(context.User, AgentConsoleDefaults.LeadPolicy).ConfigureAwait(false);
        return lead.Succeeded
            ? AgentConsoleEndpoints.Html(context, AgentPages.Insights(), StatusCodes.Status200OK)
            : AgentConsoleEndpoints.Html(context, AgentPages.LeadsOnly(), StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<InsightFigures>, BadRequest<ProblemText>>> FiguresAsync(
        string? from, string? to, string? language, HttpContext context, InsightLog log, IInsightStore store, BusinessHours hours, IOptionsMonitor<SupportOptions> support)
    {
        if (Query(from, to, language) is not { } query)
        {
            return TypedResults.BadRequest(new ProblemText(Invalid));
        }

        return TypedResults.Ok(await ComputeAsync(query, context, log, store, hours, support).ConfigureAwait(false));
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<ProblemText>>> ExportAsync(
        string? table, string? from, string? to, string? language, HttpContext context, InsightLog log, IInsightStore store, BusinessHours hours, IOptionsMonitor<SupportOptions> support)
    {
        if (Query(from, to, language) is not { } query)
        {
            return TypedResults.BadRequest(new ProblemText(Invalid));
        }

        if (table is null || !InsightsCsv.Tables.Contains(table, StringComparer.Ordinal))
        {
            return TypedResults.BadRequest(new ProblemText("Unknown table; one of: " + string.Join(", ", InsightsCsv.Tables) + "."));
        }

        var figures = await ComputeAsync(query, context, log, store, hours, support).ConfigureAwait(false);
        var csv = InsightsCsv.Write(figures, table)!;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"iqosbot-{table}-{figures.From}-{figures.To}{(query.Language is null ? string.Empty : "-" + query.Language)}.csv");
    }

    private const string Invalid = "Give from and to as YYYY-MM-DD (from not after to, at most 366 days), and language sv, en or none.";

    private static async Task<InsightFigures> ComputeAsync(
        InsightQuery query, HttpContext context, InsightLog log, IInsightStore store, BusinessHours hours, IOptionsMonitor<SupportOptions> support)
    {
        // This instance's last half second of events first, so what a lead just saw happen is counted.
        await log.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(support.CurrentValue.TimeZone);
        var (readFrom, readTo) = InsightsReport.ReadWindow(query, zone);
        var rows = await store.ReadAsync(readFrom, readTo, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return InsightsReport.Compute(rows, query, zone, hours.IsOpen);
    }

    /// <summary>The query, or null when a day is missing or malformed, the range is backwards or too long, or the language unknown.</summary>
    internal static InsightQuery? Query(string? from, string? to, string? language)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            || first > last || last.DayNumber - first.DayNumber + 1 > InsightQuery.MaxDays)
        {
            return null;
        }

        if (string.IsNullOrEmpty(language))
        {
            return new InsightQuery(first, last, null);
        }

        return language is CustomerLanguage.Swedish or CustomerLanguage.English ? new InsightQuery(first, last, language) : null;
    }
}
