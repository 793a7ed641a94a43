using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IqosBot.Tools.Demo;

/// <summary>
/// The agent console's API as its page uses it (Bot/AgentConsole/CONTRACT.md): the sign-in form with its antiforgery
/// field, then the JSON API with the sign-in cookie and, on every POST, the X-CSRF-TOKEN from <c>/agent/api/me</c>.
/// The caller's HttpClient must keep cookies and not follow redirects (the sign-in answers 302 when it worked).
/// </summary>
internal sealed partial class AgentConsoleClient(PatientHttp http)
{
    private string? _csrfToken;

    /// <summary>Signs in once; throws a <see cref="DemoFailure"/> that says why not (never the password).</summary>
    public async Task SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        using (var page = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "agent/login?returnUrl=%2Fagent"), cancellationToken).ConfigureAwait(false))
        {
            var html = await page.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccessStatusCode || AntiforgeryField().Match(html) is not { Success: true } field)
            {
                throw new DemoFailure($"the agent sign-in page: HTTP {(int)page.StatusCode}, no sign-in form (OpenID Connect configured?)");
            }

            var form = new Dictionary<string, string>
            {
                [WebUtility.HtmlDecode(field.Groups["name"].Value)] = WebUtility.HtmlDecode(field.Groups["value"].Value),
                ["userName"] = userName,
                ["password"] = password,
                ["returnUrl"] = "/agent",
            };
            using var signedIn = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "agent/login") { Content = new FormUrlEncodedContent(form) }, cancellationToken).ConfigureAwait(false);
            if (signedIn.StatusCode != HttpStatusCode.Redirect && signedIn.StatusCode != HttpStatusCode.Found)
            {
                throw new DemoFailure($"signing in as the agent {userName}: HTTP {(int)signedIn.StatusCode}" + (signedIn.StatusCode == HttpStatusCode.Unauthorized ? " (wrong user name or password)" : string.Empty));
            }
        }

        var me = await GetAsync("agent/api/me", cancellationToken).ConfigureAwait(false);
        _csrfToken = me?["csrfToken"]?.GetValue<string>() ?? throw new DemoFailure("the agent API gave no CSRF token");
    }

    /// <summary>The waiting cases (queue order) and the agent's own active ones.</summary>
    public async Task<(List<AgentCase> Waiting, List<AgentCase> Mine)> QueueAsync(CancellationToken cancellationToken)
    {
        var queue = await GetAsync("agent/api/queue?take=200", cancellationToken).ConfigureAwait(false);
        return (Cases(queue?["waiting"]), Cases(queue?["mine"]));
    }

    public Task<HttpStatusCode> AcceptAsync(string caseId, CancellationToken cancellationToken)
        => PostAsync($"agent/api/cases/{Uri.EscapeDataString(caseId)}/accept", null, cancellationToken);

    public Task<HttpStatusCode> TypingAsync(string caseId, CancellationToken cancellationToken)
        => PostAsync($"agent/api/cases/{Uri.EscapeDataString(caseId)}/typing", null, cancellationToken);

    public Task<HttpStatusCode> SendAsync(string caseId, string text, CancellationToken cancellationToken)
        => PostAsync($"agent/api/cases/{Uri.EscapeDataString(caseId)}/messages", new JsonObject { ["text"] = text }, cancellationToken);

    public Task<HttpStatusCode> CloseAsync(string caseId, string note, CancellationToken cancellationToken)
        => PostAsync($"agent/api/cases/{Uri.EscapeDataString(caseId)}/close", new JsonObject { ["note"] = note }, cancellationToken);

    private static List<AgentCase> Cases(JsonNode? list)
        => list is JsonArray cases
            ? [.. cases.OfType<JsonObject>().Select(json => new AgentCase(
                json["id"]?.GetValue<string>() ?? string.Empty,
                json["language"]?.GetValue<string>() ?? "sv",
                json["intent"]?.GetValue<string>(),
                json["lastDialog"]?.GetValue<string>(),
                json["description"]?.GetValue<string>())).Where(item => item.Id.Length > 0)]
            : [];

    private async Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoFailure($"the agent API ({path.Split('?')[0]}): HTTP {(int)response.StatusCode}");
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<HttpStatusCode> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-CSRF-TOKEN", _csrfToken);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>The hidden antiforgery input the sign-in page writes: <c>&lt;input type="hidden" name="…" value="…"&gt;</c>, before the returnUrl one.</summary>
    [GeneratedRegex("""<input type="hidden" name="(?<name>(?!returnUrl)[^"]+)" value="(?<value>[^"]*)""")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A case as the agent sees it in the queue: enough to answer in the customer's language about their matter (the description comes masked).</summary>
internal sealed record AgentCase(string Id, string Language, string? Intent, string? LastDialog, string? Description);
