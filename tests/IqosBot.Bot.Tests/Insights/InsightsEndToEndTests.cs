using System.Net;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Insights;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// A day of real conversations on Direct Line (FAQ that did not help and a person, a registration left at the age
/// question, one cancelled, questions the bot could not answer), then Lea, a team lead, reads the day in
/// /agent/api/insights and its CSV; Anna, an agent, gets 403.
/// </summary>
public sealed class InsightsEndToEndTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_team_lead_sees_the_days_containment_escalation_abandonment_rating_funnel_and_unanswered_questions()
    {
        await using var host = TeamLead.Host(_database.Path);
        var anna = await AgentBrowser.SignedInAsync(host, Agents.Anna);

        // 1. The FAQ answer did not help; a person took over and the customer rated the chat 2.
        var unhappy = await Customer.StartAsync(host);
        await unhappy.SayAndWaitAsync("vad får jag om jag registrerar min iqos?", "Hjälpte det här?");
        await unhappy.SayAndWaitAsync("nej", "Vill du prata med en person");
        await unhappy.SayAndWaitAsync("ja", "Vill du skriva en rad");
        await unhappy.SayAndWaitAsync("Hoppa över", "Du står nu i kö");
        var caseId = Assert.Single(await anna.WaitingAsync()).Value<string>("id")!;
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/accept")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anna.PostAsync($"/agent/api/cases/{caseId}/close", new { note = "Förklarade förmånerna." })).Status);
        await unhappy.WaitForBotAsync("Hur nöjd är du");
        await unhappy.SayAndWaitAsync("2", "Vill du lägga till en kommentar?");
        await unhappy.SayAndWaitAsync("tog lång tid", "Tack för att du tog dig tid!");

        // 2. In English, a registration left at the age question (the customer just went quiet).
        var quiet = await Customer.StartAsync(host);
        await quiet.SayAndWaitAsync("hi i want to register my new iqos", "serial number");
        await quiet.SayAndWaitAsync("ILO7G6H5J4K3", "When did you buy it?");
        await quiet.SayAndWaitAsync("yesterday", "e-mail address");
        await quiet.SayAndWaitAsync("sam.p@example.com", "Are you 18 or older?");

        // 3. A registration cancelled at the serial.
        var cancelled = await Customer.StartAsync(host);
        await cancelled.SayAndWaitAsync("registrera min iqos", "Vilket serienummer");
        await cancelled.SayAndWaitAsync("äh avbryt", "Ingen enhet har registrerats.");

        // 4–6. Questions the bot cannot answer: one twice, by two customers in their own words, and another.
        foreach (var question in new[] { "kan jag betala med klarna?", "Kan man betala med Klarna??", "vem vann melodifestivalen" })
        {
            await (await Customer.StartAsync(host)).SayAndWaitAsync(question, "förstod jag inte");
        }

        var lea = await TeamLead.SignedInAsync(host);
        var day = await lea.GetJsonAsync("/agent/api/insights?" + TeamLead.Range());
        Assert.Equal(6, day.Value<int>("conversations"));
        Assert.Equal(6, day.Value<int>("engagedConversations"));
        Assert.Equal(0.8333, day.Value<double>("containmentRate"));
        Assert.Equal(0.1667, day.Value<double>("escalationRate"));
        Assert.Equal(0.3333, day.Value<double>("abandonmentRate"));
        Assert.Equal(2, day.Value<double>("averageRating"));
        Assert.Equal(1, day["ratings"]!.Single(rating => rating.Value<int>("rating") == 2).Value<int>("count"));
        Assert.Equal("answer_not_helped", Assert.Single(day["escalations"]!).Value<string>("trigger"));
        var handoffs = day["handoffs"]!;
        Assert.Equal([1, 1, 1, 1, 0, 0], new[] { "requested", "queued", "accepted", "closed", "callbacks", "leftQueue" }.Select(name => handoffs.Value<int>(name)));
        Assert.Equal(1, day["queueWait"]!.Value<int>("count"));
        Assert.Equal(1, day["handlingTime"]!.Value<int>("count"));
        Assert.Equal(3, day["fallbacks"]!.Value<int>("notUnderstood"));

        var answer = Assert.Single(day["faqAnswers"]!);
        Assert.Equal(1, answer.Value<int>("shown"));
        Assert.Equal(0, answer.Value<int>("helped"));
        Assert.Equal(1, answer.Value<int>("notHelped"));
        Assert.Contains(day["topIntents"]!, intent => intent.Value<string>("intent") == "RegisterDevice" && intent.Value<int>("count") == 2);

        var registration = day["funnels"]!.Single(funnel => funnel.Value<string>("journey") == "registration")["steps"]!.ToDictionary(step => step.Value<string>("step")!, step => (Reached: step.Value<int>("conversations"), DropOff: step.Value<int>("dropOff")));
        Assert.Equal((2, 0), registration["started"]);
        Assert.Equal((2, 1), registration["regSerial"]);
        Assert.Equal((1, 0), registration["regEmail"]);
        Assert.Equal((1, 1), registration["regAge"]);
        Assert.Equal((0, 0), registration["completed"]);

        // The unanswered questions, grouped, with the messages behind each group to click through to.
        var unanswered = day["unanswered"]!;
        var klarna = unanswered.First();
        Assert.Equal(2, klarna.Value<int>("count"));
        Assert.Contains("klarna", klarna.Value<string>("text")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Kan man betala med Klarna??", "kan jag betala med klarna?"], klarna["examples"]!.Select(example => example.Value<string>("text")!));
        Assert.Equal(1, unanswered.Single(group => group.Value<string>("text") == "vem vann melodifestivalen").Value<int>("count"));

        // What decided each message is kept with it: the embedded recognizer, a rule, or the question waiting.
        var stored = await host.Services.GetRequiredService<IInsightStore>().ReadAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        var decided = stored.Events.Where(e => e.Kind == "recognized").Select(e => e.Value).ToHashSet();
        Assert.Contains("recognizer:embedded", decided);
        Assert.Contains("prompt", decided);
        Assert.Contains(decided, value => value!.StartsWith("rule:", StringComparison.Ordinal));

        // Swedish customers only: the English registration is not in it.
        var swedish = await lea.GetJsonAsync("/agent/api/insights?" + TeamLead.Range("sv"));
        Assert.Equal(5, swedish.Value<int>("conversations"));
        Assert.Equal(1, (await lea.GetJsonAsync("/agent/api/insights?" + TeamLead.Range("en"))).Value<int>("conversations"));

        // The day before is empty, not an error.
        var before = await lea.GetJsonAsync("/agent/api/insights?from=2026-11-24&to=2026-11-24");
        Assert.Equal(0, before.Value<int>("conversations"));
        Assert.Equal(JTokenType.Null, before["containmentRate"]!.Type);
        Assert.Equal(JTokenType.Null, before["averageRating"]!.Type);

        // CSV for the spreadsheet.
        using var csv = await lea.Http.GetAsync("/agent/api/insights/export?table=unanswered&" + TeamLead.Range());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text,count", lines[0]);
        Assert.Contains(lines, line => line.EndsWith(",2", StringComparison.Ordinal) && line.Contains("lar", StringComparison.OrdinalIgnoreCase));
        var summary = (await (await lea.Http.GetAsync("/agent/api/insights/export?table=summary&" + TeamLead.Range())).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.Contains($"{TeamLead.Day},{TeamLead.Day},all,6,6,0.8333,0.1667,0.3333,2", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_team_leads_may_read_the_insights()
    {
        await using var host = TeamLead.Host(_database.Path);
        var anna = await AgentBrowser.SignedInAsync(host, Agents.Anna);
        var lea = await TeamLead.SignedInAsync(host);

        Assert.False((await anna.GetJsonAsync("/agent/api/me")).Value<bool>("isLead"));
        Assert.True((await lea.GetJsonAsync("/agent/api/me")).Value<bool>("isLead"));

        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/agent/api/insights?" + TeamLead.Range())).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/agent/api/insights/export?table=summary&" + TeamLead.Range())).Status);
        var page = await anna.GetAsync("/agent/insights");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Bara för teamledare", page.Body, StringComparison.Ordinal);

        var leadPage = await lea.GetAsync("/agent/insights");
        Assert.Equal(HttpStatusCode.OK, leadPage.Status);
        Assert.Contains("/agent/insights.js", leadPage.Body, StringComparison.Ordinal);

        var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/agent/api/insights?" + TeamLead.Range())).StatusCode);
        var signIn = await anonymous.GetAsync("/agent/insights");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/agent/login", signIn.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("from=2026-11-25", "to missing")]
    [InlineData("from=25/11/2026&to=2026-11-25", "not ISO")]
    [InlineData("from=2026-11-26&to=2026-11-25", "backwards")]
    [InlineData("from=2025-01-01&to=2026-11-25", "over 366 days")]
    [InlineData("from=2026-11-25&to=2026-11-25&language=de", "unknown language")]
    [InlineData("from=2026-02-30&to=2026-03-01", "no such day")]
    public async Task A_malformed_range_is_a_400_that_says_what_to_send(string query, string why)
    {
        await using var host = TeamLead.Host(_database.Path);
        var lea = await TeamLead.SignedInAsync(host);
        var (status, body) = await lea.GetAsync("/agent/api/insights?" + query);
        Assert.True(status == HttpStatusCode.BadRequest, $"{why}: {(int)status} {body}");
        Assert.Contains("YYYY-MM-DD", JObject.Parse(body).Value<string>("error")!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await lea.GetAsync("/agent/api/insights/export?table=nope&" + TeamLead.Range())).Status);
    }

    public void Dispose() => _database.Dispose();
}
