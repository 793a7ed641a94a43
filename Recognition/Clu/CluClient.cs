using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace IqosBot.Recognition.Clu;

/// <summary>
/// Typed client for CLU's analyze-conversations REST operation (Azure.AI.Language.Conversations is not
/// served here). Retries after 429 and the time limits come from the resilience pipeline it is
/// registered with (see <see cref="RecognitionServiceCollectionExtensions"/>).
/// </summary>
public sealed class CluClient
{
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";
    public const string RequestIdHeader = "apim-request-id";

    private readonly HttpClient _http;
    private readonly CluOptions _options;

    public CluClient(HttpClient http, IOptions<CluOptions> options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
    }

    /// <exception cref="CluUnavailableException">No usable prediction: error status, timeout or network failure.</exception>
    public async Task<CluPrediction> AnalyzeAsync(string text, string language, CancellationToken cancellationToken)
    {
        var endpoint = _options.Endpoint ?? throw new InvalidOperationException("Clu:Endpoint is not configured.");
        var uri = new Uri(endpoint, $"language/:analyze-conversations?api-version={Uri.EscapeDataString(_options.ApiVersion)}");
        var body = new CluRequest(
            "Conversation",
            new CluAnalysisInput(new CluConversationItem("1", "customer", text, CluLanguages.For(language), "text")),
            new CluParameters(_options.ProjectName, _options.DeploymentName, "Utf16CodeUnit", Verbose: true));

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        request.Headers.Add(KeyHeader, _options.Key);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or HttpRequestException
                                           || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CluUnavailableException("CLU did not answer in time or could not be reached.", null, null, exception);
        }

        using (response)
        {
            var requestId = response.Headers.TryGetValues(RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
            if (!response.IsSuccessStatusCode)
            {
                throw new CluUnavailableException($"CLU answered {(int)response.StatusCode}.", (int)response.StatusCode, requestId);
            }

            CluResponse? parsed;
            try
            {
                parsed = await response.Content.ReadFromJsonAsync<CluResponse>(cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException exception)
            {
                throw new CluUnavailableException("CLU answered with a body that is not its documented JSON.", (int)response.StatusCode, requestId, exception);
            }

            return parsed?.Result?.Prediction
                   ?? throw new CluUnavailableException("CLU's answer has no prediction.", (int)response.StatusCode, requestId);
        }
    }
}
