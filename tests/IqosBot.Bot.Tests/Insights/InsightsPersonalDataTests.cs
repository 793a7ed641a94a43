using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Privacy;
using IqosBot.Insights;
using IqosBot.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.Insights;

/// <summary>
/// Customers give e-mail addresses, serials, phone numbers, a street address and a personal number: at the bot's
/// questions (a registration, a claim with a delivery address, a callback) and inside questions it cannot answer.
/// Not a byte of them is in the insights file (write-ahead log included) or in any table a lead exports; the
/// unanswered questions are kept with placeholders instead; a data-subject erasure takes the conversation's rows.
/// </summary>
public sealed class InsightsPersonalDataTests : IDisposable
{
    private static readonly string[] Unanswerable =
    [
        "vem vann melodifestivalen? maila mig på kim.svensson@example.com",
        "kan jag betala med klarna, ring 070-555 12 34",
        "kan ni skicka till Storgatan 1, 111 22 Stockholm",
        "ilp1-a2b3 c4d5 kan jag betala med klarna",
        "kan jag betala med klarna, mitt personnummer är 811218-9876",
    ];

    /// <summary>Every form in which the data above (and <see cref="PrivacyScenario"/>'s) could be found in a file or a cell.</summary>
    private static readonly string[] Personal =
    [
        PrivacyScenario.Email, "erik.radera", "kim.svensson", PrivacyScenario.OtherEmail, "demo@",
        "ILP1A2B3C4D5", "ilp1-a2b3", "A2B3", "ILU2M3N4P5Q6",
        "070-987", "709876543", "987 65 43", "070-555", "555 12 34",
        PrivacyScenario.Street, "Raderagatan", "Storgatan", "111 22", "12345",
        // The personal number's last four with their dash: alone, "9876" also turns up in the fractions of timestamps.
        "811218", "-9876",
    ];

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task No_insight_event_stored_or_exported_holds_personal_data_and_an_erasure_removes_the_conversations_rows()
    {
        await using var host = new BotHost(_database.Path, Agents.Settings(TeamLead.Settings()), ShiftedClock.At(ShiftedClock.Closed));
        var (subject, _) = await PrivacyScenario.TwoCustomersAsync(host);
        var asking = new EmulatorClient(host.CreateClient(), locale: "sv-SE", channelId: "webchat");
        foreach (var question in Unanswerable)
        {
            Assert.NotEmpty((await asking.SendTextAsync(question)).Texts);
            await asking.SendTextAsync("tack, hejdå");
        }

        await host.Services.GetRequiredService<InsightLog>().FlushAsync(CancellationToken.None);
        var file = await InsightFileTextAsync();
        foreach (var datum in Personal)
        {
            Assert.DoesNotContain(datum, file, StringComparison.OrdinalIgnoreCase);
        }

        // What was kept instead: the questions with placeholders, and the journeys' counts.
        var lea = await TeamLead.SignedInAsync(host);
        var day = await lea.GetJsonAsync("/agent/api/insights?" + TeamLead.Range());
        var kept = day["unanswered"]!.SelectMany(group => group["examples"]!).Select(example => example.Value<string>("text")!).ToList();
        Assert.Contains("vem vann melodifestivalen? maila mig på [e-mail]", kept);
        Assert.Contains("kan jag betala med klarna, ring [number]", kept);
        Assert.Contains(kept, text => text.Contains("[address]", StringComparison.Ordinal) && !text.Contains("111", StringComparison.Ordinal));
        Assert.Contains("[serial] kan jag betala med klarna", kept);
        Assert.Equal(1, day["funnels"]!.Single(funnel => funnel.Value<string>("journey") == "registration")["steps"]!.Single(step => step.Value<string>("step") == "completed").Value<int>("conversations"));
        Assert.Equal(1, day["funnels"]!.Single(funnel => funnel.Value<string>("journey") == "claim")["steps"]!.Single(step => step.Value<string>("step") == "completed").Value<int>("conversations"));
        Assert.Equal(1, day["handoffs"]!.Value<int>("callbacks"));

        foreach (var table in InsightsCsv.Tables)
        {
            var (status, csv) = await lea.GetAsync($"/agent/api/insights/export?table={table}&" + TeamLead.Range());
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
            foreach (var datum in Personal)
            {
                Assert.False(csv.Contains(datum, StringComparison.OrdinalIgnoreCase), $"The {table} export holds '{datum}':\n{csv}");
            }
        }

        // Erased with the customer's conversation, as everything else of it.
        var requests = PersonalDataRequests.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = _database.Path,
                ["Benefits:Sandbox:DatabasePath"] = Path.Combine(_database.Directory, "benefits-sandbox.db"),
            }).Build(),
            _database.Directory);
        var erased = await requests.EraseAsync(new PersonalDataSubject(PrivacyScenario.Email, null, null), CancellationToken.None);
        Assert.True(erased["insight_events"] > 5, $"{erased["insight_events"]} events erased");
        var store = host.Services.GetRequiredService<IInsightStore>();
        var left = await store.ReadAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.DoesNotContain(left.Events, e => e.ConversationKey == "webchat/" + subject);
        Assert.Contains(left.Events, e => e.ConversationKey == "webchat/" + asking.ConversationId);
    }

    private async Task<string> InsightFileTextAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(_database.Directory, Path.GetFileNameWithoutExtension(_database.Path) + "-insights*"))
        {
            text.AppendLine(System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
        }

        Assert.Contains("recognized", text.ToString(), StringComparison.Ordinal);
        return text.ToString();
    }

    public void Dispose() => _database.Dispose();
}
