using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IqosBot.AgentConsole;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>A clock that starts at a chosen instant and then runs at real speed (so tokens, queue order and timestamps behave).</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Wednesday 10.00 in Stockholm: customer care is open.</summary>
    public static readonly DateTimeOffset Open = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 21.00 in Stockholm: closed until Thursday 08.00.</summary>
    public static readonly DateTimeOffset Closed = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_origin);

    public static Action<IServiceCollection> At(DateTimeOffset start) => services => services.AddSingleton<TimeProvider>(new ShiftedClock(start));
}

/// <summary>Two agent accounts for the console, Anna and Bertil.</summary>
public static class Agents
{
    public const string Anna = "anna";
    public const string Bertil = "bertil";
    public const string Password = "rätt-lösenord-42";

    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<AgentAccount>().HashPassword(null!, Password));

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AgentConsole:Accounts:0:UserName"] = Anna,
            ["AgentConsole:Accounts:0:DisplayName"] = "Anna",
            ["AgentConsole:Accounts:0:PasswordHash"] = Hash.Value,
            ["AgentConsole:Accounts:1:UserName"] = Bertil,
            ["AgentConsole:Accounts:1:DisplayName"] = "Bertil",
            ["AgentConsole:Accounts:1:PasswordHash"] = Hash.Value,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A Direct Line host with the agents and the clock at an open (or given) time.</summary>
    public static DirectLineHost Host(string databasePath, DateTimeOffset? clock = null, IDictionary<string, string?>? extra = null)
        => new(databasePath, Settings(extra), ShiftedClock.At(clock ?? ShiftedClock.Open));
}

/// <summary>An agent's browser: cookies, the sign-in form, and the CSRF header on API posts.</summary>
public sealed partial class AgentBrowser
{
    private string? _csrf;

    public AgentBrowser(BotHost host)
    {
        Http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>A browser whose cookie jar the test can hand on (to the SignalR client).</summary>
    public AgentBrowser(BotHost host, System.Net.CookieContainer cookies)
    {
        Http = host.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
    }

    /// <summary>A browser on a bot reached over the network (a separate process, a proxy); <paramref name="http"/> keeps the cookies.</summary>
    public AgentBrowser(HttpClient http)
    {
        Http = http;
    }

    public HttpClient Http { get; }

    public static Task<AgentBrowser> SignedInAsync(BotHost host, string userName, System.Net.CookieContainer? cookies = null)
        => SignInAsync(cookies is null ? new AgentBrowser(host) : new AgentBrowser(host, cookies), userName);

    /// <summary>Signs <paramref name="browser"/> in as <paramref name="userName"/> and keeps the antiforgery token for its posts.</summary>
    public static async Task<AgentBrowser> SignInAsync(AgentBrowser browser, string userName)
    {
        var response = await browser.PostLoginAsync(userName, Agents.Password, "/agent");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var me = await browser.GetJsonAsync("/agent/api/me");
        Assert.Equal(userName, me.Value<string>("userName"));
        browser._csrf = me.Value<string>("csrfToken");
        Assert.False(string.IsNullOrEmpty(browser._csrf));
        return browser;
    }

    /// <summary>GET the sign-in page, then POST the form with its antiforgery field.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string userName, string password, string returnUrl)
    {
        var page = await Http.GetAsync("/agent/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryField(await page.Content.ReadAsStringAsync());
        return await Http.PostAsync("/agent/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static string AntiforgeryField(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "No antiforgery field in: " + html);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<JToken> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JToken.Parse(body);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, object? body = null, bool withCsrf = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body is null ? "{}" : JToken.FromObject(body).ToString(), Encoding.UTF8, "application/json"),
        };
        if (withCsrf && _csrf is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", _csrf);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JArray> WaitingAsync() => (JArray)(await GetJsonAsync("/agent/api/queue"))["waiting"]!;

    public async Task<JObject> CaseAsync(string id) => (JObject)await GetJsonAsync($"/agent/api/cases/{id}");

    /// <summary>Polls the case until its transcript holds a customer line containing <paramref name="text"/>.</summary>
    public async Task<JObject> WaitForCustomerLineAsync(string caseId, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var detail = await CaseAsync(caseId);
            if (detail["transcript"]!.Any(entry => entry.Value<string>("sender") == "customer" && entry.Value<string>("text")!.Contains(text, StringComparison.Ordinal)))
            {
                return detail;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The transcript of {caseId} never got the customer's \"{text}\": {detail}");
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}

/// <summary>A customer in Web Chat on the bot's own Direct Line.</summary>
public sealed class Customer
{
    private int _sent;

    private Customer(DirectLineClient client, string conversationId, string token)
    {
        Client = client;
        ConversationId = conversationId;
        Token = token;
    }

    public DirectLineClient Client { get; }

    public string ConversationId { get; }

    public string Token { get; }

    public static async Task<Customer> StartAsync(BotHost host)
    {
        var client = new DirectLineClient(host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var customer = new Customer(client, started.Value<string>("conversationId")!, started.Value<string>("token")!);
        await customer.WaitForBotAsync("välkommen");
        return customer;
    }

    /// <summary>The same conversation seen through another host (after a restart).</summary>
    public Customer On(BotHost host) => new(new DirectLineClient(host.CreateClient()), ConversationId, Token) { _sent = _sent + 1000 };

    public async Task<List<JObject>> ActivitiesAsync()
    {
        var response = await Client.GetActivitiesAsync(ConversationId, Token);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json["activities"]!.Cast<JObject>().ToList();
    }

    /// <summary>Writes, and returns how many activities the log held before (so replies can be looked for after it).</summary>
    public async Task<int> SayAsync(string text)
    {
        var before = (await ActivitiesAsync()).Count;
        var posted = await Client.PostTextAsync(ConversationId, Token, text, $"client-{Interlocked.Increment(ref _sent)}");
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        return before;
    }

    /// <summary>Says something and waits for a bot message containing <paramref name="expected"/> after it.</summary>
    public async Task<List<string>> SayAndWaitAsync(string text, string expected)
    {
        var before = await SayAsync(text);
        return await WaitForBotAsync(expected, before);
    }

    /// <summary>Bot texts from index <paramref name="from"/> on, once one contains <paramref name="expected"/> (15 s at most).</summary>
    public async Task<List<string>> WaitForBotAsync(string expected, int from = 0)
    {
        var activities = await Client.PollAsync(ConversationId, Token, list => BotTexts(list.Skip(from)).Any(text => text.Contains(expected, StringComparison.Ordinal)));
        return BotTexts(activities.Skip(from));
    }

    public static List<string> BotTexts(IEnumerable<JObject> activities) => activities
        .Where(activity => activity.Value<string>("type") == "message" && activity["from"]?.Value<string>("role") == "bot")
        .Select(activity => activity.Value<string>("text") ?? string.Empty)
        .ToList();

    /// <summary>Asks for a person, skips the description and waits until queued; returns the queue text.</summary>
    public async Task<string> QueueAsync(string? description = null)
    {
        await SayAndWaitAsync("jag vill prata med en människa", "Vill du skriva en rad om vad det gäller?");
        var texts = await SayAndWaitAsync(description ?? "Hoppa över", "Du står nu i kö");
        return texts.Single(text => text.Contains("Du står nu i kö", StringComparison.Ordinal));
    }
}
