using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using IqosBot.Handoff;
using IqosBot.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IqosBot.AgentConsole;

/// <summary>The agent console's pages, JSON API and hub (see CONTRACT.md beside this file).</summary>
public static class AgentConsoleEndpoints
{
    private const int MessageMaxLength = 2000;
    private const int NoteMaxLength = 1000;

    /// <summary>Only our own files and this origin: a customer's text can never become script in an agent's browser.</summary>
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGet("/agent/login", SignInPageAsync);
        endpoints.MapPost("/agent/login", SignInAsync).RequireRateLimiting(RateLimitPolicies.SignIn);
        endpoints.MapPost("/agent/logout", SignOutAsync).RequireAuthorization(AgentConsoleDefaults.Policy);
        endpoints.MapGet("/agent", (HttpContext context) => Html(context, AgentPages.Console(), StatusCodes.Status200OK))
            .RequireAuthorization(AgentConsoleDefaults.Policy);

        var api = endpoints.MapGroup("/agent/api").RequireAuthorization(AgentConsoleDefaults.Policy).AddEndpointFilter(RequireCsrfTokenOnPost).AddEndpointFilter(NoteAgentSeen);
        api.MapGet("/me", MeAsync);
        api.MapGet("/queue", QueueAsync);
        api.MapGet("/agents", AgentsAsync);
        api.MapGet("/cases/{id}", CaseAsync);
        api.MapPost("/cases/{id}/accept", AcceptAsync);
        api.MapPost("/cases/{id}/messages", MessageAsync);
        api.MapPost("/cases/{id}/typing", async (string id, HttpContext context, AgentDesk desk) =>
            new DeskOutcomeResult(await desk.TypingAsync(id, AgentClaims.Identity(context.User), context.RequestAborted).ConfigureAwait(false), StatusCodes.Status202Accepted));
        api.MapPost("/cases/{id}/close", CloseAsync);
        api.MapPost("/cases/{id}/transfer", TransferAsync);
        api.MapGet("/callbacks", CallbacksAsync);
        api.MapPost("/callbacks/{id}/done", CallbackDoneAsync);
        api.MapPrivacyRequests();

        endpoints.MapHub<AgentHub>("/agent/hub");
        return endpoints;
    }

    /// <summary>The account form, or with OpenID Connect configured the provider's sign-in (503 with a plain message when it cannot be reached).</summary>
    private static async Task<Results<ContentHttpResult, EmptyHttpResult>> SignInPageAsync(HttpContext context, IAntiforgery antiforgery, Microsoft.Extensions.Options.IOptions<AgentConsoleOptions> options, ILoggerFactory loggers)
    {
        if (!options.Value.OpenIdConnect.IsConfigured)
        {
            return LoginPage(context, antiforgery, null, StatusCodes.Status200OK);
        }

        try
        {
            var properties = new AuthenticationProperties { RedirectUri = LocalReturnUrl(context.Request.Query["returnUrl"].ToString()) };
            await context.ChallengeAsync(AgentConsoleDefaults.OpenIdConnectScheme, properties).ConfigureAwait(false);
            return TypedResults.Empty;
        }
        catch (InvalidOperationException exception)
        {
            // The provider's metadata could not be fetched (IDX20803): say so instead of a 500.
            loggers.CreateLogger("IqosBot.AgentConsole.SignIn").LogError(exception, "The OpenID Connect provider could not be reached");
            return TypedResults.Text("Inloggningstjänsten svarar inte just nu. Försök igen om en stund.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static ContentHttpResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var field = $"<input type=\"hidden\" name=\"{HtmlEncoder.Default.Encode(tokens.FormFieldName)}\" value=\"{HtmlEncoder.Default.Encode(tokens.RequestToken!)}\">";
        var returnUrl = LocalReturnUrl(context.Request.Query["returnUrl"].ToString());
        return Html(context, AgentPages.Login(field, returnUrl, error), status);
    }

    private static async Task<Results<BadRequest, ContentHttpResult, RedirectHttpResult>> SignInAsync(HttpContext context, IAntiforgery antiforgery, AgentDirectory directory, SignInLockout lockout, ILoggerFactory loggers)
    {
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.BadRequest();
        }

        if (!await IsValidRequestAsync(antiforgery, context).ConfigureAwait(false))
        {
            return TypedResults.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var returnUrl = LocalReturnUrl(form["returnUrl"].ToString());
        var userName = form["userName"].ToString();
        var logger = loggers.CreateLogger("IqosBot.AgentConsole.SignIn");
        if (await lockout.LockedForAsync(userName).ConfigureAwait(false) is { } locked)
        {
            // No password is checked while the account is locked: guessing gets nowhere and costs no hashing.
            logger.LogWarning("A sign-in to a locked agent account was refused");
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(locked.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LoginPage(context, antiforgery, "För många misslyckade försök. Kontot är låst en stund – försök igen senare.", StatusCodes.Status429TooManyRequests);
        }

        var account = directory.Verify(userName, form["password"].ToString());
        if (account is null)
        {
            await lockout.FailedAsync(userName).ConfigureAwait(false);
            logger.LogWarning("A sign-in to the agent console failed");
            return LoginPage(context, antiforgery, "Fel användarnamn eller lösenord.", StatusCodes.Status401Unauthorized);
        }

        await lockout.SucceededAsync(userName).ConfigureAwait(false);
        await context.SignInAsync(AgentConsoleDefaults.CookieScheme, AgentClaims.Principal(account, AgentConsoleDefaults.CookieScheme)).ConfigureAwait(false);
        logger.LogInformation("Agent {Agent} signed in", account.UserName);
        return TypedResults.Redirect(returnUrl);
    }

    private static async Task<Results<BadRequest, RedirectHttpResult>> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await IsValidRequestAsync(antiforgery, context).ConfigureAwait(false))
        {
            return TypedResults.BadRequest();
        }

        await context.SignOutAsync(AgentConsoleDefaults.CookieScheme).ConfigureAwait(false);
        return TypedResults.Redirect("/agent/login");
    }

    private static async Task<Ok<AgentMeView>> MeAsync(HttpContext context, IAntiforgery antiforgery, IAuthorizationService authorization)
    {
        var agent = AgentClaims.Identity(context.User);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var lead = await authorization.AuthorizeAsync(context.User, AgentConsoleDefaults.LeadPolicy).ConfigureAwait(false);
        return TypedResults.Ok(new AgentMeView(agent.UserName, agent.DisplayName, tokens.RequestToken, lead.Succeeded));
    }

    /// <summary>The other agents, for a transfer.</summary>
    private static async Task<Ok<List<AgentEntryView>>> AgentsAsync(HttpContext context, AgentDirectory directory)
    {
        var me = AgentClaims.Identity(context.User);
        return TypedResults.Ok((await directory.AllAsync(context.RequestAborted).ConfigureAwait(false)).Where(entry => entry.Agent.UserName != me.UserName)
            .Select(entry => new AgentEntryView(entry.Agent.UserName, entry.Agent.DisplayName, entry.Online)).ToList());
    }

    /// <summary>The waiting customers a page at a time (<c>skip</c>, <c>take</c> up to 200, 50 by default), oldest first, with the total.</summary>
    private static async Task<Ok<QueueView>> QueueAsync(HttpContext context, int? skip, int? take, ICaseStore cases, QueueEstimator estimator, TimeProvider time)
    {
        var agent = AgentClaims.Identity(context.User);
        var now = time.GetUtcNow();
        var from = Math.Max(0, skip ?? 0);
        var count = Math.Clamp(take ?? 50, 1, 200);
        var waiting = await cases.ListWaitingAsync(context.RequestAborted).ConfigureAwait(false);
        var mine = await cases.ListActiveAsync(agent.UserName, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new QueueView(
            [.. waiting.Skip(from).Take(count).Select((record, index) => AgentViews.Case(record, from + index + 1, now))],
            waiting.Count,
            [.. mine.Select(record => AgentViews.Case(record, null, now))],
            Math.Round(await estimator.MinutesPerCustomerAsync(context.RequestAborted).ConfigureAwait(false), 1)));
    }

    private static async Task<Results<Ok<CaseDetailView>, DeskOutcomeResult>> CaseAsync(string id, HttpContext context, AgentDesk desk, ICaseStore cases, TranscriptLog transcripts, TimeProvider time)
    {
        var (outcome, record) = await desk.ReadAsync(id, AgentClaims.Identity(context.User), context.RequestAborted).ConfigureAwait(false);
        if (record is null)
        {
            return new DeskOutcomeResult(outcome, StatusCodes.Status200OK);
        }

        return TypedResults.Ok(await DetailAsync(record, cases, transcripts, time, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<CaseDetailView>, DeskOutcomeResult>> AcceptAsync(string id, HttpContext context, AgentDesk desk, ICaseStore cases, TranscriptLog transcripts, TimeProvider time)
    {
        var agent = AgentClaims.Identity(context.User);
        var outcome = await desk.AcceptAsync(id, agent, context.RequestAborted).ConfigureAwait(false);
        if (outcome != DeskOutcome.Ok || await cases.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } record)
        {
            return new DeskOutcomeResult(outcome, StatusCodes.Status200OK);
        }

        return TypedResults.Ok(await DetailAsync(record, cases, transcripts, time, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<Results<DeskOutcomeResult, BadRequest<AgentApiError>>> MessageAsync(string id, HttpContext context, AgentDesk desk)
    {
        var text = StringField(await ReadBodyAsync(context).ConfigureAwait(false), "text")?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MessageMaxLength)
        {
            return TypedResults.BadRequest(new AgentApiError($"The message must have 1–{MessageMaxLength} characters."));
        }

        return new DeskOutcomeResult(await desk.SendAsync(id, AgentClaims.Identity(context.User), text, context.RequestAborted).ConfigureAwait(false), StatusCodes.Status202Accepted);
    }

    private static async Task<Results<DeskOutcomeResult, BadRequest<AgentApiError>>> CloseAsync(string id, HttpContext context, AgentDesk desk)
    {
        var note = StringField(await ReadBodyAsync(context).ConfigureAwait(false), "note")?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > NoteMaxLength)
        {
            return TypedResults.BadRequest(new AgentApiError($"A resolution note of 1–{NoteMaxLength} characters is required."));
        }

        return new DeskOutcomeResult(await desk.CloseAsync(id, AgentClaims.Identity(context.User), note, context.RequestAborted).ConfigureAwait(false), StatusCodes.Status200OK);
    }

    private static async Task<Results<DeskOutcomeResult, BadRequest<AgentApiError>>> TransferAsync(string id, HttpContext context, AgentDesk desk, AgentDirectory directory)
    {
        var me = AgentClaims.Identity(context.User);
        var to = StringField(await ReadBodyAsync(context).ConfigureAwait(false), "to");
        AgentIdentity? target = null;
        if (!string.IsNullOrEmpty(to))
        {
            target = await directory.FindAsync(to, context.RequestAborted).ConfigureAwait(false);
            if (target is null || target.UserName == me.UserName)
            {
                return TypedResults.BadRequest(new AgentApiError("Unknown agent."));
            }
        }

        return new DeskOutcomeResult(await desk.TransferAsync(id, me, target, context.RequestAborted).ConfigureAwait(false), StatusCodes.Status200OK);
    }

    /// <summary>The open callback requests, oldest first.</summary>
    private static async Task<Ok<List<TicketView>>> CallbacksAsync(ICallbackStore callbacks, CancellationToken cancellationToken)
        => TypedResults.Ok((await callbacks.ListOpenAsync(cancellationToken).ConfigureAwait(false)).Select(AgentViews.Ticket).ToList());

    private static async Task<Results<Ok, NotFound>> CallbackDoneAsync(string id, HttpContext context, ICallbackStore callbacks, IAgentNotifier notifier, TimeProvider time)
    {
        var agent = AgentClaims.Identity(context.User);
        if (!await callbacks.TryMarkDoneAsync(id, agent.UserName, time.GetUtcNow(), context.RequestAborted).ConfigureAwait(false))
        {
            return TypedResults.NotFound();
        }

        await notifier.CallbacksChangedAsync(context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok();
    }

    private static async Task<CaseDetailView> DetailAsync(HandoffCase record, ICaseStore cases, TranscriptLog transcripts, TimeProvider time, CancellationToken cancellationToken)
    {
        int? position = null;
        if (record.Status == CaseStatus.Waiting)
        {
            position = await cases.PositionAsync(record.Id, cancellationToken).ConfigureAwait(false);
        }

        var transcript = await transcripts.ReadAsync(record.ConversationKey, cancellationToken).ConfigureAwait(false);
        return AgentViews.Detail(record, position, transcript, time.GetUtcNow());
    }

    /// <summary>A JSON object body, or null when there is none or it is not JSON (the callers then answer 400).</summary>
    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFromJsonAsync<JsonObject>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A string property of the body; null when missing, null or not a string (a number where text belongs is a 400, not a 500).</summary>
    private static string? StringField(JsonObject? body, string name)
        => body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An agent using the API is at their console (see <see cref="AgentPresence"/>).</summary>
    private static async ValueTask<object?> NoteAgentSeen(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        await context.RequestServices.GetRequiredService<IAgentPresenceTracker>().SeenAsync(AgentClaims.Identity(context.User)).ConfigureAwait(false);
        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the request carries a valid antiforgery token. A form the framework cannot read at all (a null
    /// character in a value, a malformed body) is as invalid as a missing token: 400, never a 500.
    /// </summary>
    private static async Task<bool> IsValidRequestAsync(IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Every state-changing API call must carry the token the page got from /agent/api/me.</summary>
    private static async ValueTask<object?> RequireCsrfTokenOnPost(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await IsValidRequestAsync(antiforgery, context).ConfigureAwait(false))
            {
                return TypedResults.BadRequest(new AgentApiError("Missing or invalid CSRF token."));
            }
        }

        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>A console page with the console's security headers.</summary>
    internal static ContentHttpResult Html(HttpContext context, string html, int status)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>
    /// Only paths on this site, so the sign-in cannot become an open redirect: a path to go back to after signing
    /// in, or "/agent"; never another host, however disguised
    /// ("//evil", "/\\evil", a backslash, tab or control character anywhere, or an encoded slash or backslash).
    /// </summary>
    private static string LocalReturnUrl(string? candidate)
        => !string.IsNullOrEmpty(candidate) && candidate.Length <= 2048 && candidate.StartsWith('/') && !candidate.StartsWith("//", StringComparison.Ordinal)
           && !candidate.Any(c => c == '\\' || char.IsControl(c))
           && !candidate.Contains("%2f", StringComparison.OrdinalIgnoreCase) && !candidate.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            ? candidate
            : "/agent";
}
