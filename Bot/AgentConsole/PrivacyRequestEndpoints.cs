using IqosBot.Handoff;
using IqosBot.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IqosBot.AgentConsole;

/// <summary>
/// Data-subject requests from the console, for agents with the privacy role: POST /agent/api/privacy/export
/// and /erase with <c>{ email, phone, conversation }</c>, the same as the tool's personal-data command. The
/// log says who asked and how much was found or removed, never whom it was about.
/// </summary>
public static partial class PrivacyRequestEndpoints
{
    public static RouteGroupBuilder MapPrivacyRequests(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var privacy = api.MapGroup("/privacy").RequireAuthorization(AgentConsoleDefaults.PrivacyPolicy);
        privacy.MapPost("/export", ExportAsync);
        privacy.MapPost("/erase", EraseAsync);
        return api;
    }

    private static async Task<Results<Ok<Dictionary<string, object>>, BadRequest<ProblemText>>> ExportAsync(
        PrivacyRequestBody? body, HttpContext context, PersonalDataRequests requests, TranscriptLog transcripts, ILoggerFactory loggers)
    {
        if (Subject(body) is not { } subject)
        {
            return TypedResults.BadRequest(new ProblemText(MissingSubject));
        }

        // Transcript lines still queued behind live chats are written first, so the request sees (and erases) them.
        await transcripts.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        var export = await requests.ExportAsync(subject, context.RequestAborted).ConfigureAwait(false);
        LogExported(loggers.CreateLogger(nameof(PrivacyRequestEndpoints)), AgentClaims.Identity(context.User).UserName, ((List<string>)export["conversations"]).Count);
        return TypedResults.Ok(export);
    }

    private static async Task<Results<Ok<Dictionary<string, int>>, BadRequest<ProblemText>>> EraseAsync(
        PrivacyRequestBody? body, HttpContext context, PersonalDataRequests requests, TranscriptLog transcripts, ILoggerFactory loggers)
    {
        if (Subject(body) is not { } subject)
        {
            return TypedResults.BadRequest(new ProblemText(MissingSubject));
        }

        await transcripts.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        var erased = await requests.EraseAsync(subject, context.RequestAborted).ConfigureAwait(false);
        LogErased(loggers.CreateLogger(nameof(PrivacyRequestEndpoints)), AgentClaims.Identity(context.User).UserName, erased.Values.Sum());
        return TypedResults.Ok(erased);
    }

    private const string MissingSubject = "Give an e-mail address, a phone number or a conversation id.";

    private static PersonalDataSubject? Subject(PrivacyRequestBody? body)
    {
        var subject = new PersonalDataSubject(body?.Email, body?.Phone, body?.Conversation);
        return subject.IsEmpty ? null : subject;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-subject export by agent {Agent}: {Conversations} conversations found")]
    private static partial void LogExported(ILogger logger, string agent, int conversations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-subject erasure by agent {Agent}: {Rows} rows removed")]
    private static partial void LogErased(ILogger logger, string agent, int rows);
}

/// <summary>Whom a console data-subject request is about.</summary>
public sealed record PrivacyRequestBody(string? Email, string? Phone, string? Conversation);

/// <summary>A plain reason for a 400.</summary>
public sealed record ProblemText(string Error);
