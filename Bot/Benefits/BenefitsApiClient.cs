using System.Net;
using System.Net.Http.Json;
using IqosBot.Dialogs.Benefits;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IqosBot.Benefits;

/// <summary>
/// The HTTP client of the benefits API. It is a singleton (the dialogs that use it are), so it takes a
/// fresh HttpClient from the factory for each call instead of capturing one: pooled handlers still
/// rotate, and DNS changes are seen. Retries, time limits and the circuit breaker come from
/// the resilience pipeline it is registered with (<see cref="BenefitsServiceCollectionExtensions"/>);
/// this class turns each answer into an outcome the dialogs understand. No personal data is logged:
/// only status codes, problem codes and the API's request id.
/// </summary>
public sealed class BenefitsApiClient : IBenefitsApi
{
    /// <summary>The named client that carries the resilience pipeline.</summary>
    public const string HttpClientName = "benefits-api";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly IHttpClientFactory _clients;
    private readonly IOptions<BenefitsApiOptions> _options;
    private readonly ILogger<BenefitsApiClient> _logger;

    public BenefitsApiClient(IHttpClientFactory clients, IOptions<BenefitsApiOptions> options, ILogger<BenefitsApiClient> logger)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<RegistrationResult> RegisterAsync(DeviceRegistration registration, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var body = new RegistrationRequestBody(registration.Serial, registration.Email, registration.PurchaseDate, AgeConfirmed: true, registration.MarketingConsent, registration.Language);
        using var request = NewRequest("v1/registrations", body);
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);

        using var response = await SendAsync(request, "registration", cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new RegistrationResult(RegistrationStatus.Unavailable);
        }

        if (response.IsSuccessStatusCode)
        {
            var parsed = await ReadAsync<RegistrationResponseBody>(response, cancellationToken).ConfigureAwait(false);
            if (parsed?.Device is null)
            {
                return new RegistrationResult(RegistrationStatus.Unavailable);
            }

            var status = response.StatusCode == HttpStatusCode.Created ? RegistrationStatus.Registered : RegistrationStatus.AlreadyRegistered;
            return new RegistrationResult(status, ToCoverage(parsed.Device), parsed.Account?.Status == "pendingActivation");
        }

        var problem = await ProblemCodeAsync(response, "registration", cancellationToken).ConfigureAwait(false);
        return problem switch
        {
            "unknown-serial" => new RegistrationResult(RegistrationStatus.UnknownSerial),
            "registered-to-another-account" => new RegistrationResult(RegistrationStatus.RegisteredToAnotherAccount),
            "invalid-purchase-date" => new RegistrationResult(RegistrationStatus.InvalidPurchaseDate),
            _ => new RegistrationResult(RegistrationStatus.Unavailable),
        };
    }

    public async Task<CoverageResult> LookUpCoverageAsync(string serial, string email, CancellationToken cancellationToken)
    {
        using var request = NewRequest("v1/coverage/lookup", new LookupRequestBody(serial, email));
        using var response = await SendAsync(request, "coverage lookup", cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new CoverageResult(CoverageStatus.Unavailable);
        }

        if (response.IsSuccessStatusCode)
        {
            var parsed = await ReadAsync<LookupResponseBody>(response, cancellationToken).ConfigureAwait(false);
            return parsed switch
            {
                { Status: "registered", Device: { } device } => new CoverageResult(CoverageStatus.Registered, ToCoverage(device)),
                { Status: "notRegistered" } => new CoverageResult(CoverageStatus.NotRegistered, Model: parsed.Model),
                _ => new CoverageResult(CoverageStatus.Unavailable),
            };
        }

        var problem = await ProblemCodeAsync(response, "coverage lookup", cancellationToken).ConfigureAwait(false);
        return problem == "not-found" ? new CoverageResult(CoverageStatus.NotFound) : new CoverageResult(CoverageStatus.Unavailable);
    }

    private HttpRequestMessage NewRequest(string path, object body)
    {
        // Read at the first call, not at start-up: the sandbox's address is known only once the server listens.
        var options = _options.Value;
        var baseUrl = options.BaseUrl ?? throw new InvalidOperationException("Benefits:BaseUrl is not configured and no sandbox address is known.");

        // Personal data travels only in the body, never in the URL (URLs end up in proxy and server logs).
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path)) { Content = JsonContent.Create(body) };
        request.Headers.Add(ApiKeyHeader, options.ApiKey);
        return request;
    }

    /// <returns>The response, or null when none usable arrived (timeout, network failure, circuit open).</returns>
    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            _logger.LogWarning("Benefits API {Operation} not attempted: the circuit is open after repeated failures", operation);
        }
        catch (TimeoutRejectedException)
        {
            _logger.LogWarning("Benefits API {Operation} timed out", operation);
        }
        catch (HttpRequestException exception)
        {
            _logger.LogWarning("Benefits API {Operation} could not be reached: {Error}", operation, exception.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Benefits API {Operation} timed out", operation);
        }

        return null;
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<string?> ProblemCodeAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var problem = await ReadAsync<ProblemBody>(response, cancellationToken).ConfigureAwait(false);
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;
        var expected = problem?.Code is "unknown-serial" or "registered-to-another-account" or "invalid-purchase-date" or "not-found";
        _logger.Log(
            expected ? LogLevel.Information : LogLevel.Warning,
            "Benefits API {Operation} answered {StatusCode} {ProblemCode} (request id {RequestId})",
            operation, (int)response.StatusCode, problem?.Code ?? "none", requestId ?? "none");
        return problem?.Code;
    }

    private static DeviceCoverage ToCoverage(DeviceBody device) => new(
        device.Model, device.PurchaseDate, device.RegistrationDate, device.WarrantyEnd, device.BenefitProgramEnd,
        device.AccidentalDamageEnd, device.AccidentalDamageClaimUsed, device.MoneyBackEnd);
}
