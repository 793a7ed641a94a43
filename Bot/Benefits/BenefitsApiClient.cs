using System.Net;
using IqosBot.Dialogs.Benefits;

namespace IqosBot.Benefits;

/// <summary>
/// The registration, coverage and serial check operations of the benefits API, over <see cref="BenefitsApiTransport"/>
/// (retries, time limits and the circuit breaker come from the pipeline the named client is registered
/// with, <see cref="BenefitsServiceCollectionExtensions"/>); this class turns each answer into an outcome
/// the dialogs understand. No personal data is logged: only status codes, problem codes and request ids.
/// </summary>
public sealed class BenefitsApiClient : IBenefitsApi
{
    /// <summary>The named client that carries the resilience pipeline.</summary>
    public const string HttpClientName = "benefits-api";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string SerialCheckOperation = "serial check";

    private readonly BenefitsApiTransport _transport;
    private readonly ILogger<BenefitsApiClient> _logger;

    public BenefitsApiClient(BenefitsApiTransport transport, ILogger<BenefitsApiClient> logger)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<RegistrationResult> RegisterAsync(DeviceRegistration registration, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var body = new RegistrationRequestBody(registration.Serial, registration.Email, registration.PurchaseDate, AgeConfirmed: true, registration.MarketingConsent, registration.Language);
        using var request = _transport.NewRequest("v1/registrations", body);
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);

        using var response = await _transport.SendAsync(request, "registration", cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new RegistrationResult(RegistrationStatus.Unavailable);
        }

        if (response.IsSuccessStatusCode)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<RegistrationResponseBody>(response, cancellationToken).ConfigureAwait(false);
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
        using var request = _transport.NewRequest("v1/coverage/lookup", new LookupRequestBody(serial, email));
        using var response = await _transport.SendAsync(request, "coverage lookup", cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new CoverageResult(CoverageStatus.Unavailable);
        }

        if (response.IsSuccessStatusCode)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<LookupResponseBody>(response, cancellationToken).ConfigureAwait(false);
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

    public async Task<SerialCheckResult> CheckSerialAsync(string serial, CancellationToken cancellationToken)
    {
        // Only reads, so the pipeline's retries are safe; whatever goes wrong, the journey goes on (Unavailable).
        using var request = _transport.NewRequest("v1/devices/check", new SerialCheckRequestBody(serial));
        using var response = await _transport.SendAsync(request, SerialCheckOperation, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new SerialCheckResult(SerialCheckStatus.Unavailable);
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<SerialCheckResponseBody>(response, cancellationToken).ConfigureAwait(false);
            return parsed switch
            {
                { Known: true, Model: { Length: > 0 } model } => new SerialCheckResult(SerialCheckStatus.Known, model),
                { Known: false } => new SerialCheckResult(SerialCheckStatus.Unknown),
                _ => Malformed(response, SerialCheckOperation, new SerialCheckResult(SerialCheckStatus.Unavailable)),
            };
        }

        // The check has no refusal the bot acts on: any problem, a 400 for a serial that is no serial at all
        // included, is a warning, and the registration or lookup that follows has the last word.
        await ProblemCodeAsync(response, SerialCheckOperation, cancellationToken, refusalsExpected: false).ConfigureAwait(false);
        return new SerialCheckResult(SerialCheckStatus.Unavailable);
    }

    private T Malformed<T>(HttpResponseMessage response, string operation, T result)
    {
        _logger.LogWarning(
            "Benefits API {Operation} answered {StatusCode} with a body outside the contract (request id {RequestId})",
            operation, (int)response.StatusCode, BenefitsApiTransport.RequestIdOf(response) ?? "none");
        return result;
    }

    private async Task<string?> ProblemCodeAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken, bool refusalsExpected = true)
    {
        var problem = await BenefitsApiTransport.ReadAsync<ProblemBody>(response, cancellationToken).ConfigureAwait(false);
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;
        var expected = refusalsExpected && problem?.Code is "unknown-serial" or "registered-to-another-account" or "invalid-purchase-date" or "not-found";
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
