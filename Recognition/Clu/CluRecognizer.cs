using IqosBot.Dialogs.Language;
using IqosBot.Dialogs.Understanding;
using IqosBot.Recognition.Embedded;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace IqosBot.Recognition.Clu;

/// <summary>
/// Recognizes with Azure AI Language (CLU) and, when CLU cannot answer (bad key, missing deployment,
/// 5xx, throttled beyond its retries, timeout), with the embedded recognizer, so the customer always
/// gets an answer. CLU's own top intent is kept: the project's confidence threshold has already
/// turned weak predictions into None.
/// </summary>
public sealed class CluRecognizer : IRecognizer
{
    public const string Name = "clu";

    private readonly CluClient _client;
    private readonly EmbeddedRecognizer _fallback;
    private readonly ILogger<CluRecognizer> _logger;

    public CluRecognizer(CluClient client, EmbeddedRecognizer fallback, ILogger<CluRecognizer> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return _fallback.Recognize(text);
        }

        try
        {
            var prediction = await _client.AnalyzeAsync(text, turnContext.GetLanguage(), cancellationToken).ConfigureAwait(false);
            var scores = (prediction.Intents ?? []).Select(intent => new KeyValuePair<string, double>(intent.Category, intent.ConfidenceScore)).ToList();
            var top = string.IsNullOrEmpty(prediction.TopIntent) ? Intents.None : prediction.TopIntent;
            return RecognizerResults.Create(text, scores, top, Name);
        }
        catch (CluUnavailableException exception)
        {
            // The request id lets Azure support find the call; the customer's text is never logged.
            _logger.LogWarning(exception, "CLU unavailable (status {StatusCode}, request id {RequestId}); using the embedded recognizer",
                exception.StatusCode, exception.RequestId ?? "none");
            return _fallback.Recognize(text);
        }
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var converted = new T();
        converted.Convert(await RecognizeAsync(turnContext, cancellationToken).ConfigureAwait(false));
        return converted;
    }
}
