using System.Diagnostics;
using System.Globalization;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Clu;
using IqosBot.Recognition.Embedded;
using IqosBot.Recognition.Tests.Support;
using IqosBot.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static IqosBot.Recognition.Tests.Support.CluReplies;

namespace IqosBot.Recognition.Tests.Clu;

/// <summary>
/// The CLU recognizer as the bot registers it (AddIqosRecognizer with Recognizer:Kind "Clu", so the real
/// typed client and resilience pipeline), talking real HTTP to a stand-in CLU on 127.0.0.1, with the
/// trained embedded recognizer as its fallback.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class CluRecognizerOverHttpTests(TrainedRecognizer trained) : IClassFixture<TrainedRecognizer>, IAsyncLifetime
{
    private const string Key = "test-subscription-key";
    private const string ProjectName = "iqosbot-test";
    private const string DeploymentName = "staging";

    /// <summary>
    /// Limits that never run out in a passing test, so a busy machine (a stalled thread pool, a CI box
    /// building something else) cannot turn a test about status codes into a test about timing.
    /// </summary>
    private static readonly TimeLimits Roomy = new(Attempt: TimeSpan.FromSeconds(10), Total: TimeSpan.FromSeconds(20));

    /// <summary>The small limits of the tests that are about time limits; they keep those tests fast.</summary>
    private static readonly TimeLimits Tight = new(Attempt: TimeSpan.FromMilliseconds(300), Total: TimeSpan.FromSeconds(2));

    // An in-scope message, so the fallback's answer is a real intent and not just None.
    private const string WarrantyQuestion = "hur länge gäller garantin på min iluma";

    // The first call in a process compiles Kestrel, HttpClient, Polly and System.Text.Json; that must
    // not count against the 300 ms attempt limit of the first test that has one.
    private static readonly Lazy<Task> WarmUp = new(async () =>
    {
        await using var clu = await FakeCluService.StartAsync(Prediction(Intents.Greeting, (Intents.Greeting, 0.9)));
        await RecognizeAsync(clu.Endpoint, "hej", "sv", new TrainedRecognizer().Recognizer, new CapturedLogs(), Roomy);
    });

    private readonly CapturedLogs _logs = new();

    public Task InitializeAsync() => WarmUp.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("is my iluma still under warranty", "en")]
    [InlineData("gäller garantin fortfarande för min iluma", "sv")]
    public async Task A_CLU_prediction_is_the_answer_and_the_request_follows_the_REST_contract(string text, string language)
    {
        await using var clu = await FakeCluService.StartAsync(
            Prediction(Intents.WarrantyStatus, (Intents.WarrantyStatus, 0.93), (Intents.WarrantyInfo, 0.05), (Intents.None, 0.02)));

        var result = await RecognizeAsync(clu, text, language);

        var request = Assert.Single(clu.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-conversations", request.Path);
        Assert.Equal("2024-11-01", request.Query["api-version"]);
        Assert.Equal(Key, request.Headers[CluClient.KeyHeader]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);

        var body = request.Json;
        Assert.Equal("Conversation", body.GetProperty("kind").GetString());
        var item = body.GetProperty("analysisInput").GetProperty("conversationItem");
        Assert.Equal(text, item.GetProperty("text").GetString());
        // The same BCP 47 code the project file gives CLU for that language.
        Assert.Equal(CluLanguages.For(language), item.GetProperty("language").GetString());
        Assert.Equal("text", item.GetProperty("modality").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(item.GetProperty("participantId").GetString()));
        var parameters = body.GetProperty("parameters");
        Assert.Equal(ProjectName, parameters.GetProperty("projectName").GetString());
        Assert.Equal(DeploymentName, parameters.GetProperty("deploymentName").GetString());
        Assert.Equal("Utf16CodeUnit", parameters.GetProperty("stringIndexType").GetString());
        Assert.True(parameters.GetProperty("verbose").GetBoolean());

        Assert.Equal(Intents.WarrantyStatus, result.TopIntent());
        Assert.Equal(CluRecognizer.Name, result.Properties[RecognizerResults.RecognizerProperty]);
        Assert.Equal(text, result.Text);
        Assert.Equal(3, result.Intents.Count);
        Assert.Equal(0.93, result.Intents[Intents.WarrantyStatus].Score);
        Assert.Equal(0.05, result.Intents[Intents.WarrantyInfo].Score);
        Assert.Equal(0.02, result.Intents[Intents.None].Score);
    }

    [Fact]
    public async Task Below_the_project_threshold_CLU_says_None_and_the_bot_keeps_that_decision()
    {
        // The project's confidence threshold is above 0.41, so the service itself answers None.
        await using var clu = await FakeCluService.StartAsync(
            Prediction(Intents.None, (Intents.Cleaning, 0.41), (Intents.Troubleshooting, 0.33), (Intents.None, 0)));

        var result = await RecognizeAsync(clu, "the holder smells a bit odd", "en");

        Assert.Equal(Intents.None, result.TopIntent());
        Assert.Equal(0.41, result.Intents[Intents.Cleaning].Score);
        Assert.Equal(CluRecognizer.Name, result.Properties[RecognizerResults.RecognizerProperty]);
    }

    [Fact]
    public async Task After_a_429_the_call_is_retried_and_CLU_answers()
    {
        await using var clu = await FakeCluService.StartAsync(
            Throttled(retryAfter: "0"),
            Prediction(Intents.Cleaning, (Intents.Cleaning, 0.88)));

        var result = await RecognizeAsync(clu, "how do I clean my iluma", "en");

        Assert.Equal(2, clu.Requests.Count);
        Assert.Equal(Intents.Cleaning, result.TopIntent());
        Assert.Equal(CluRecognizer.Name, result.Properties[RecognizerResults.RecognizerProperty]);
    }

    [Fact]
    public async Task Throttled_every_time_CLU_is_asked_three_times_then_the_embedded_recognizer_answers()
    {
        await using var clu = await FakeCluService.StartAsync(Throttled(retryAfter: "0"));

        var result = await RecognizeAsync(clu, WarrantyQuestion, "sv");

        Assert.Equal(3, clu.Requests.Count);
        AssertEmbeddedAnswer(result, WarrantyQuestion);
        Assert.Contains(_logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_key_is_not_retried_and_the_warning_names_the_request_id_but_neither_the_customer_text_nor_the_key()
    {
        const string requestId = "6f3c2a9e-0b1d-4c55-9d7e-1a2b3c4d5e6f";
        const string customerText = "min ILUMA med serienummer ILP1A2B3C4D5 laddar inte";
        await using var clu = await FakeCluService.StartAsync(Error(401, "401", requestId));

        var result = await RecognizeAsync(clu, customerText, "sv");

        Assert.Single(clu.Requests);
        AssertEmbeddedAnswer(result, customerText);
        var warning = Assert.Single(_logs.Entries, entry => entry.Category == typeof(CluRecognizer).FullName && entry.Level == LogLevel.Warning);
        Assert.Contains(requestId, warning.Message, StringComparison.Ordinal);
        Assert.Contains("401", warning.Message, StringComparison.Ordinal);
        Assert.All(_logs.Entries, entry =>
        {
            Assert.DoesNotContain(customerText, entry.FullText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ILP1A2B3C4D5", entry.FullText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Key, entry.FullText, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)] // no such project or deployment
    [InlineData(500)]
    [InlineData(503)]
    public async Task An_error_other_than_429_is_not_retried_and_the_embedded_recognizer_answers(int status)
    {
        await using var clu = await FakeCluService.StartAsync(Error(status, status.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString()));

        var result = await RecognizeAsync(clu, WarrantyQuestion, "sv");

        Assert.Single(clu.Requests);
        AssertEmbeddedAnswer(result, WarrantyQuestion);
    }

    [Fact]
    public async Task A_CLU_slower_than_the_attempt_timeout_is_replaced_by_the_embedded_answer_within_the_total_timeout()
    {
        await using var clu = await FakeCluService.StartAsync(Slow(TimeSpan.FromSeconds(30), Prediction(Intents.WarrantyInfo, (Intents.WarrantyInfo, 0.9))));

        var stopwatch = Stopwatch.StartNew();
        var result = await RecognizeAsync(clu, WarrantyQuestion, "sv", Tight);
        stopwatch.Stop();

        AssertEmbeddedAnswer(result, WarrantyQuestion);
        Assert.True(stopwatch.Elapsed < Tight.Total, $"The customer waited {stopwatch.Elapsed.TotalMilliseconds:F0} ms.");
        // A timed-out attempt is not retried (retries would fit: 3 × 300 ms < 2 s). At most one, not exactly
        // one: on a stalled machine the attempt can time out before the request reaches the server.
        Assert.True(clu.Requests.Count <= 1, $"CLU was asked {clu.Requests.Count} times.");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_total_timeout_does_not_hold_the_customer_beyond_it()
    {
        await using var clu = await FakeCluService.StartAsync(Throttled(retryAfter: "30"));

        var stopwatch = Stopwatch.StartNew();
        // An attempt limit of 1 s, so that the 429 surely arrives and it is the wait for the retry that is cut short.
        var result = await RecognizeAsync(clu, WarrantyQuestion, "sv", Tight with { Attempt = TimeSpan.FromSeconds(1) });
        stopwatch.Stop();

        AssertEmbeddedAnswer(result, WarrantyQuestion);
        // The total timeout ends the wait for the retry; the margin is for a busy machine, not for the pipeline.
        Assert.True(stopwatch.Elapsed < Tight.Total + TimeSpan.FromSeconds(1), $"The customer waited {stopwatch.Elapsed.TotalMilliseconds:F0} ms.");
    }

    [Theory]
    [InlineData("text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")]
    [InlineData("application/json", "")]
    [InlineData("application/json", "{\"kind\":\"ConversationResult\",\"result\":{\"query\":\"x\",\"predic")]
    [InlineData("application/json", "{\"kind\":\"ConversationResult\",\"result\":{\"query\":\"x\"}}")]
    [InlineData("application/json", "{\"kind\":\"ConversationResult\",\"result\":{\"prediction\":{\"topIntent\":\"Cleaning\",\"intents\":\"Cleaning\"}}}")]
    [InlineData("application/json", "[]")]
    public async Task A_200_whose_body_is_not_a_prediction_is_replaced_by_the_embedded_answer(string contentType, string body)
    {
        await using var clu = await FakeCluService.StartAsync(Raw(200, contentType, body));

        var result = await RecognizeAsync(clu, WarrantyQuestion, "sv");

        Assert.Single(clu.Requests);
        AssertEmbeddedAnswer(result, WarrantyQuestion);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_replaced_by_the_embedded_answer()
    {
        // A port that was just ours and now has nobody listening.
        var clu = await FakeCluService.StartAsync(Prediction(Intents.WarrantyInfo));
        var endpoint = clu.Endpoint;
        await clu.DisposeAsync();

        var result = await RecognizeAsync(endpoint, WarrantyQuestion, "sv");

        AssertEmbeddedAnswer(result, WarrantyQuestion);
    }

    [Fact]
    public async Task A_blank_message_is_not_sent_to_CLU()
    {
        await using var clu = await FakeCluService.StartAsync(Prediction(Intents.Greeting, (Intents.Greeting, 0.9)));

        var result = await RecognizeAsync(clu, "   ", "sv");

        Assert.Empty(clu.Requests);
        Assert.Equal(Intents.None, result.TopIntent());
    }

    private Task<RecognizerResult> RecognizeAsync(FakeCluService clu, string text, string language, TimeLimits? limits = null)
        => RecognizeAsync(clu.Endpoint, text, language, limits);

    private Task<RecognizerResult> RecognizeAsync(Uri endpoint, string text, string language, TimeLimits? limits = null)
        => RecognizeAsync(endpoint, text, language, trained.Recognizer, _logs, limits ?? Roomy);

    /// <summary>Registers the recognizer as the bot does, pointed at <paramref name="endpoint"/>, and recognizes one message.</summary>
    private static async Task<RecognizerResult> RecognizeAsync(
        Uri endpoint, string text, string language, EmbeddedRecognizer fallback, CapturedLogs logs, TimeLimits limits)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Recognizer:Kind"] = "Clu",
            ["Clu:Endpoint"] = endpoint.ToString(),
            ["Clu:Key"] = Key,
            ["Clu:ProjectName"] = ProjectName,
            ["Clu:DeploymentName"] = DeploymentName,
            ["Clu:AttemptTimeout"] = limits.Attempt.ToString("c", CultureInfo.InvariantCulture),
            ["Clu:TotalTimeout"] = limits.Total.ToString("c", CultureInfo.InvariantCulture),
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddIqosRecognizer(configuration);
        // The class fixture's recognizer stands in for the one AddIqosRecognizer would train at start-up.
        services.AddSingleton(fallback);

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var recognizer = Assert.IsType<CluRecognizer>(provider.GetRequiredService<IRecognizer>());
        return await recognizer.RecognizeAsync(Turns.Message(text, language), CancellationToken.None);
    }

    private void AssertEmbeddedAnswer(RecognizerResult result, string text)
    {
        Assert.Equal(EmbeddedRecognizer.Name, result.Properties[RecognizerResults.RecognizerProperty]);
        Assert.Equal(trained.Recognizer.Recognize(text).TopIntent(), result.TopIntent());
        Assert.Equal(text, result.Text);
    }

    private sealed record TimeLimits(TimeSpan Attempt, TimeSpan Total);
}
