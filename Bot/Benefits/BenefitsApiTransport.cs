using System.Net.Http.Json;
using IqosBot.Benefits.Contract;
using IqosBot.Telemetry;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IqosBot.Benefits;

/// <summary>
/// The wire under both benefits API clients (<see cref="BenefitsApiClient"/>, <see cref="ClaimsApiClient"/>):
/// requests with the API key and personal data only in the body, a fresh HttpClient from the factory per
/// call (the clients are singletons; pooled handlers still rotate and DNS changes are seen), and every
/// transport failure — timeout, network error, open circuit — turned into "no response", logged without
/// personal data. Retries, time limits and the circuit breaker come from the named client's pipeline.
/// </summary>
public sealed class BenefitsApiTransport
{
    private readonly IHttpClientFactory _clients;
    private readonly IOptions<BenefitsApiOptions> _options;
    private readonly BotMetrics _metrics;
    private readonly ILogger<BenefitsApiTransport> _logger;

    public BenefitsApiTransport(IHttpClientFactory clients, IOptions<BenefitsApiOptions> options, BotMetrics metrics, ILogger<BenefitsApiTransport> logger)
    {
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public HttpRequestMessage NewRequest(string path, object body)
    {
        // Read at the first call, not at start-up: the sandbox's address is known only once the server listens.
        var options = _options.Value;
        var baseUrl = options.BaseUrl ?? throw new InvalidOperationException("Benefits:BaseUrl is not configured and no sandbox address is known.");

        // Personal data travels only in the body, never in the URL (URLs end up in proxy and server logs).
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path)) { Content = JsonContent.Create(body, options: BenefitsApiJson.Options) };
        request.Headers.Add(BenefitsApiHeaders.ApiKey, options.ApiKey);
        return request;
    }

    /// <returns>The response, or null when none usable arrived (timeout, network failure, circuit open).</returns>
    public async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _clients.CreateClient(BenefitsApiClient.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                // The API answered, but with its own failure (after the pipeline's retries): the journey cannot go on.
                _metrics.BenefitsFailed(operation, "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return response;
        }
        catch (BrokenCircuitException)
        {
            _logger.LogWarning("Benefits API {Operation} not attempted: the circuit is open after repeated failures", operation);
            _metrics.BenefitsFailed(operation, "circuit_open");
        }
        catch (TimeoutRejectedException)
        {
            _logger.LogWarning("Benefits API {Operation} timed out", operation);
            _metrics.BenefitsFailed(operation, "timeout");
        }
        catch (HttpRequestException exception)
        {
            _logger.LogWarning("Benefits API {Operation} could not be reached: {Error}", operation, exception.HttpRequestError);
            _metrics.BenefitsFailed(operation, "unreachable");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Benefits API {Operation} timed out", operation);
            _metrics.BenefitsFailed(operation, "timeout");
        }

        return null;
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when it is not JSON of that shape (an HTML error page with a 2xx).</summary>
    public static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(BenefitsApiJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    public static string? RequestIdOf(HttpResponseMessage response)
        => response?.Headers.TryGetValues(BenefitsApiHeaders.RequestId, out var values) == true ? values.FirstOrDefault() : null;
}
