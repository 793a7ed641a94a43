using System.Diagnostics;
using IqosBot.Bot.Tests.Hosting;
using IqosBot.Bot.Tests.Storage;
using IqosBot.Handoff;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OpenTelemetry.Trace;

namespace IqosBot.Bot.Tests.Telemetry;

/// <summary>
/// What an operator sees of the running bot through OpenTelemetry: a registration journey on PostgreSQL gives one
/// span per turn under its HTTP request, with the conversation id and the intent acted on, the state store's and
/// the benefits API's spans under the turn, and the bot's own metrics (turns, intents, scores, fallbacks,
/// handoffs, queue, benefits failures) beside ASP.NET Core's; not one span, metric point or log record holds the
/// customer's e-mail or serial number. Without an exporter configured no OpenTelemetry SDK runs at all.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OpenTelemetryTests(PostgresServer server) : IDisposable
{
    private const string Email = "ny.kund@example.com";
    private const string Serial = "ILP1A2B3C4D5";

    private readonly TempDatabase _files = new();

    [Fact]
    public async Task A_registration_on_postgres_gives_a_span_per_turn_under_its_request_with_the_store_and_the_api_beneath_and_no_personal_data()
    {
        await using var host = new TelemetryHost(_files.Path, await PostgresSettingsAsync());
        var customer = new EmulatorClient(host.Http, locale: "sv-SE", channelId: "webchat");

        Assert.Contains("Vilket serienummer har din IQOS?", (await customer.SendTextAsync("skulle vilja registrera min nya iqos tack")).Texts.Last());
        var dated = await customer.SendTextAsync("ilp1-a2b3 c4d5");
        Assert.True(dated.Texts.Single().StartsWith("När köpte du den?", StringComparison.Ordinal), string.Join("\n", host.CapturedLogs.Lines));
        Assert.StartsWith("Vilken e-postadress", (await customer.SendTextAsync("igår")).Texts.Single());
        Assert.Equal("Är du 18 år eller äldre?", (await customer.SendTextAsync(Email)).Texts.Single());
        Assert.StartsWith("Vill du få nyheter", (await customer.SendTextAsync("ja")).Texts.Single());
        Assert.Single((await customer.SendTextAsync("nej")).AdaptiveCards);
        var receipt = Assert.Single((await customer.SendAsync(customer.NewActivity("message", new JObject { ["value"] = new JObject { ["action"] = "confirm" } }))).AdaptiveCards);
        Assert.Contains("Klart! Din IQOS är registrerad", receipt.ToString(), StringComparison.Ordinal);
        await host.EndedSpansAsync(span => span.Kind == ActivityKind.Server && host.OnThisHost(span) && (string?)span.GetTagItem("http.route") == "/api/messages", 7, "the customer's requests");
        host.Flush();

        var spans = host.Spans;
        // Other tests' hosts run in this process at the same time, and the instrumentation listens process-wide: this
        // host's requests are those on its port, its turns those of this customer's conversation.
        var requests = spans.Where(span => span.Kind == ActivityKind.Server && host.OnThisHost(span) && (string?)span.GetTagItem("http.route") == "/api/messages").ToList();
        var turns = spans.Where(span => span.Source.Name == "IqosBot" && span.DisplayName == "turn message" && (string?)span.GetTagItem("iqosbot.conversation.id") == customer.ConversationId).ToList();
        Assert.Equal(7, requests.Count);
        Assert.Equal(7, turns.Count);
        Assert.All(turns, turn =>
        {
            Assert.Equal(customer.ConversationId, turn.GetTagItem("iqosbot.conversation.id"));
            Assert.Equal("webchat", turn.GetTagItem("iqosbot.channel"));
            Assert.Contains(requests, request => request.SpanId == turn.ParentSpanId);
        });

        // The first message was recognised; the answers after it went to the question waiting.
        var first = turns.OrderBy(turn => turn.StartTimeUtc).First();
        Assert.Equal("RegisterDevice", first.GetTagItem("iqosbot.intent"));
        Assert.Equal("recognizer", first.GetTagItem("iqosbot.decided_by"));
        Assert.Equal("embedded", first.GetTagItem("iqosbot.recognizer"));
        Assert.Contains(turns, turn => (string?)turn.GetTagItem("iqosbot.decided_by") == "prompt");

        // Beneath the turns: PostgreSQL (state, the turn's lock) and the benefits API over HTTP, which the sandbox answered.
        var turnIds = turns.Select(turn => turn.SpanId).ToHashSet();
        Assert.Contains(spans, span => span.Source.Name == "Npgsql" && Under(span, turnIds, spans));
        var apiCalls = spans.Where(span => span.Kind == ActivityKind.Client && host.OnThisHost(span) && ((string?)span.GetTagItem("url.full"))?.Contains("/sandbox/benefits/", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.True(Under(call, turnIds, spans), "A benefits API call outside any turn."));
        Assert.Contains(spans, span => span.Kind == ActivityKind.Server && host.OnThisHost(span) && ((string?)span.GetTagItem("http.route"))?.StartsWith("/sandbox/benefits", StringComparison.Ordinal) == true);

        // The bot's metrics beside ASP.NET Core's.
        Assert.Equal(7, host.Points("iqosbot.turns").Where(point => point.Tags["iqosbot.channel"] == "webchat" && point.Tags["iqosbot.activity.type"] == "message" && point.Tags["iqosbot.outcome"] == "ok").Sum(point => point.Value));
        Assert.Equal(7, host.Points("iqosbot.turn.duration").Where(point => point.Tags["iqosbot.channel"] == "webchat").Sum(point => point.Count));
        Assert.Contains(host.Points("iqosbot.intents"), point => point.Tags["iqosbot.intent"] == "RegisterDevice" && point.Tags["iqosbot.decided_by"] == "recognizer" && point.Value == 1);
        var score = Assert.Single(host.Points("iqosbot.intent.score"), point => point.Tags["iqosbot.intent"] == "RegisterDevice");
        Assert.InRange(score.Value, 0.3, 1.0);
        Assert.Equal(7, host.Points("http.server.request.duration").Where(point => point.Tags.GetValueOrDefault("http.route") == "/api/messages").Sum(point => point.Count));

        AssertNoPersonalData(host);
    }

    [Fact]
    public async Task Not_understood_messages_a_handoff_its_queue_and_the_agents_accept_are_counted()
    {
        var settings = await PostgresSettingsAsync();
        AlwaysOpen(settings);
        await using var host = new TelemetryHost(_files.Path, settings);
        var customer = new EmulatorClient(host.Http, locale: "en-US", channelId: "webchat");

        await customer.SendTextAsync("hi");
        await customer.SendTextAsync("qwxz plorp vrank");
        Assert.Contains("say in a line what it's about", (await customer.SendTextAsync("can I talk to a real person please")).Texts.Last(), StringComparison.Ordinal);
        var queued = await customer.SendTextAsync("skip");
        Assert.Contains(queued.Texts, text => text.Contains("You're in the queue", StringComparison.Ordinal));
        var waiting = Assert.Single(await host.Services.GetRequiredService<ICaseStore>().ListWaitingAsync(CancellationToken.None));
        Assert.Equal(DeskOutcome.Ok, await host.Services.GetRequiredService<AgentDesk>().AcceptAsync(waiting.Id, new AgentIdentity("anna", "Anna"), CancellationToken.None));
        host.Flush();

        Assert.Contains(host.Points("iqosbot.fallbacks"), point => point.Tags["iqosbot.fallback"] == "not_understood" && point.Value >= 1);
        var handoff = Assert.Single(host.Points("iqosbot.handoffs"));
        Assert.Equal("HumanAgent", handoff.Tags["iqosbot.handoff.trigger"]);
        Assert.Equal("console", handoff.Tags["iqosbot.handoff.mode"]);
        Assert.Equal(1, handoff.Value);
        Assert.Contains(host.Points("iqosbot.queue.length"), point => point.Value == 0);
        var wait = Assert.Single(host.Points("iqosbot.queue.wait"));
        Assert.Equal(1, wait.Count);
        Assert.InRange(wait.Value, 0, 60);
    }

    [Fact]
    public async Task A_benefits_api_that_cannot_be_reached_is_counted_by_operation_and_reason_and_the_customer_still_gets_an_answer()
    {
        await using var host = new TelemetryHost(_files.Path, new Dictionary<string, string?>
        {
            // A port nothing listens on: every call is refused at once.
            ["Benefits:BaseUrl"] = "http://127.0.0.1:9/benefits/",
            ["Benefits:ApiKey"] = "test-key",
        });
        var customer = new EmulatorClient(host.Http, locale: "en-US", channelId: "webchat");

        await customer.SendTextAsync("check my warranty");
        await customer.SendTextAsync(Serial);
        var reply = await customer.SendTextAsync(Email);
        Assert.NotEmpty(reply.Texts);
        host.Flush();

        var failures = host.Points("iqosbot.benefits.failures");
        Assert.True(failures.Count > 0, string.Join("\n", host.CapturedLogs.Lines));
        Assert.All(failures, point => Assert.Contains(point.Tags["error.type"], new[] { "unreachable", "circuit_open", "timeout" }));
        Assert.Contains(failures, point => point.Tags["error.type"] == "unreachable");
        AssertNoPersonalData(host);
    }

    [Fact]
    public async Task A_web_chat_conversation_over_direct_line_and_its_socket_leaves_no_token_in_any_span()
    {
        await using var host = new TelemetryHost(_files.Path);
        var directLine = new IqosBot.Bot.Tests.DirectLine.DirectLineClient(host.Http);
        var started = (await directLine.StartAsync(host.DirectLineSecret)).Json;
        var conversation = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        var streamUrl = started.Value<string>("streamUrl")!;
        Assert.Contains(token, streamUrl, StringComparison.Ordinal);

        await using (var socket = await IqosBot.Bot.Tests.DirectLine.LoopbackSocket.ConnectAsync(streamUrl))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await directLine.PostTextAsync(conversation, token, "hej, hur länge gäller garantin?", "c-1")).Status);
            await socket.ReadUntilAsync(activities => activities.Any(activity => (string?)activity["from"]?["role"] == "bot" && activity["replyToId"] is not null));
            await socket.CloseAsync();
        }

        await host.EndedSpanAsync(span => span.Kind == ActivityKind.Server && host.OnThisHost(span) && ((string?)span.GetTagItem("http.route"))?.Contains("stream", StringComparison.Ordinal) == true, "the socket's request");
        await host.EndedSpanAsync(span => span.DisplayName == "turn message" && (string?)span.GetTagItem("iqosbot.conversation.id") == conversation && (string?)span.GetTagItem("iqosbot.channel") == "directline", "the customer's turn");

        var recorded = host.AllRecordedText();
        Assert.DoesNotContain(token, recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(host.DirectLineSecret, recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("garantin", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_configured_traces_metrics_and_logs_reach_the_collector_without_personal_data()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var host = new TelemetryHost(_files.Path, new Dictionary<string, string?>
        {
            ["Telemetry:Enabled"] = null,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }, withInMemoryExporters: false);
        var customer = new EmulatorClient(host.Http, locale: "en-US", channelId: "webchat");

        await customer.SendTextAsync("check my warranty");
        await customer.SendTextAsync(Serial);
        Assert.NotEmpty((await customer.SendTextAsync(Email)).Texts);
        host.Flush();

        Assert.All(collector.Requests, request => Assert.Equal("application/x-protobuf", request.ContentType));
        var traces = collector.Text("/v1/traces");
        Assert.Contains("iqosbot.conversation.id", traces, StringComparison.Ordinal);
        Assert.Contains(customer.ConversationId, traces, StringComparison.Ordinal);
        Assert.Contains("WarrantyStatus", traces, StringComparison.Ordinal);
        Assert.Contains("iqosbot.turn.duration", collector.Text("/v1/metrics"), StringComparison.Ordinal);
        Assert.Contains("iqosbot.turns", collector.Text("/v1/metrics"), StringComparison.Ordinal);
        Assert.NotEmpty(collector.Text("/v1/logs"));
        var everything = string.Join("\n", collector.Text("/v1/traces"), collector.Text("/v1/metrics"), collector.Text("/v1/logs"));
        Assert.DoesNotContain("ny.kund", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("A2B3", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_application_insights_configured_each_request_is_still_traced_once()
    {
        // The Azure Monitor distro adds ASP.NET Core and HttpClient instrumentation of its own; beside the bot's, a
        // request must not become two spans. Its endpoint here refuses connections: export fails quietly.
        await using var host = new TelemetryHost(_files.Path, new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",

            // Every trace kept (the distro's default keeps at most 5 a second, and none before its first second).
            ["OTEL_TRACES_SAMPLER"] = "microsoft.fixed_percentage",
            ["OTEL_TRACES_SAMPLER_ARG"] = "1.0",
        });
        var customer = new EmulatorClient(host.Http, locale: "sv-SE", channelId: "webchat");

        Assert.NotEmpty((await customer.SendTextAsync("hej")).Texts);
        await host.EndedSpanAsync(span => span.Kind == ActivityKind.Server && host.OnThisHost(span) && (string?)span.GetTagItem("http.route") == "/api/messages", "the request");

        Assert.True(1 == host.Spans.Count(span => span.Kind == ActivityKind.Server && host.OnThisHost(span) && (string?)span.GetTagItem("http.route") == "/api/messages"), host.Describe());
        Assert.True(1 == host.Spans.Count(span => span.DisplayName == "turn message" && (string?)span.GetTagItem("iqosbot.conversation.id") == customer.ConversationId), host.Describe());
    }

    [Fact]
    public async Task A_client_inventing_channel_ids_and_activity_types_makes_no_new_metric_series()
    {
        await using var host = new TelemetryHost(_files.Path);
        for (var i = 0; i < 30; i++)
        {
            var client = new EmulatorClient(host.Http, locale: "sv-SE", channelId: "made-up-channel-" + i);
            await client.SendTextAsync("hej");
            await client.SendAsync(client.NewActivity("made-up-type-" + i));
        }

        host.Flush();

        var turns = host.Points("iqosbot.turns");
        Assert.Equal(60, turns.Sum(point => point.Value));
        Assert.Equal(["other"], turns.Select(point => point.Tags["iqosbot.channel"]).Distinct());
        Assert.Equal(["message", "other"], turns.Select(point => point.Tags["iqosbot.activity.type"]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_an_exporter_configured_no_open_telemetry_sdk_runs_and_the_bot_answers()
    {
        await using var host = new TelemetryHost(_files.Path, new Dictionary<string, string?> { ["Telemetry:Enabled"] = "false" }, withInMemoryExporters: false);
        var customer = new EmulatorClient(host.Http, locale: "sv-SE", channelId: "webchat");

        Assert.NotEmpty((await customer.SendTextAsync("hej")).Texts);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    private static bool Under(Activity span, HashSet<ActivitySpanId> ancestors, List<Activity> all)
    {
        var byId = all.GroupBy(candidate => candidate.SpanId).ToDictionary(group => group.Key, group => group.First());
        var parent = span.ParentSpanId;
        for (var depth = 0; depth < 50 && parent != default; depth++)
        {
            if (ancestors.Contains(parent))
            {
                return true;
            }

            parent = byId.TryGetValue(parent, out var next) ? next.ParentSpanId : default;
        }

        return false;
    }

    private static void AssertNoPersonalData(TelemetryHost host)
    {
        var recorded = host.AllRecordedText();
        Assert.NotEmpty(host.Logs);
        Assert.Contains("iqosbot.conversation.id", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("ny.kund", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.com", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("A2B3", recorded, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a2b3 c4d5", recorded, StringComparison.OrdinalIgnoreCase);

        // The customer's address is personal data too: no span names where a request came from.
        Assert.DoesNotContain("client.address=", recorded, StringComparison.Ordinal);
    }

    /// <summary>Customer care open around the clock, so a handoff queues whenever the test runs.</summary>
    private static void AlwaysOpen(Dictionary<string, string?> settings)
    {
        for (var rule = 0; rule < 2; rule++)
        {
            settings[$"Support:OpeningHours:{rule}:From"] = "Monday";
            settings[$"Support:OpeningHours:{rule}:To"] = "Sunday";
            settings[$"Support:OpeningHours:{rule}:Open"] = "00:00";
            settings[$"Support:OpeningHours:{rule}:Close"] = "23:59:59.9999999";
        }
    }

    private async Task<Dictionary<string, string?>> PostgresSettingsAsync()
    {
        var database = "otel_" + Guid.NewGuid().ToString("N");
        await (await server.CreateDatabaseAsync(database)).DisposeAsync();
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = database }.ConnectionString,
        };
    }

    public void Dispose() => _files.Dispose();
}
