using System.Net;
using IqosBot.Dialogs.Benefits;
using Wire = IqosBot.Benefits.Contract;

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
        var body = new Wire.RegistrationRequest(registration.Serial, registration.Email, registration.PurchaseDate, AgeConfirmed: true, registration.MarketingConsent, registration.Language);
        using var request = _transport.NewRequest(Wire.BenefitsApiPaths.Registrations, body);
        request.Headers.Add(Wire.BenefitsApiHeaders.IdempotencyKey, idempotencyKey);

        using var response = await _transport.SendAsync(request, "registration", cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new RegistrationResult(RegistrationStatus.Unavailable);
        }

        if (response.IsSuccessStatusCode)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<Wire.RegistrationResponse>(response, cancellationToken).ConfigureAwait(false);
            if (parsed?.Device is null)
            {
                return new RegistrationResult(RegistrationStatus.Unavailable);
            }

            var status = response.StatusCode == HttpStatusCode.Created ? RegistrationStatus.Registered : RegistrationStatus.AlreadyRegistered;
            return new RegistrationResult(status, ToCoverage(parsed.Device), parsed.Account?.Status == Wire.AccountStatuses.PendingActivation);
        }

        var problem = await ProblemCodeAsync(response, "registration", cancellationToken).ConfigureAwait(false);
        return problem switch
        {
            Wire.ProblemCodes.UnknownSerial => new RegistrationResult(RegistrationStatus.UnknownSerial),
            Wire.ProblemCodes.RegisteredToAnotherAccount => new RegistrationResult(RegistrationStatus.RegisteredToAnotherAccount),
            Wire.ProblemCodes.InvalidPurchaseDate => new RegistrationResult(RegistrationStatus.InvalidPurchaseDate),
            _ => new RegistrationResult(RegistrationStatus.Unavailable),
        };
    }

    public async Task<CoverageResult> LookUpCoverageAsync(string serial, string email, CancellationToken cancellationToken)
    {
        using var request = _transport.NewRequest(Wire.BenefitsApiPaths.CoverageLookup, new Wire.CoverageLookupRequest(serial, email));
        using var response = await _transport.SendAsync(request, "coverage lookup", cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new CoverageResult(CoverageStatus.Unavailable);
        }

        if (response.IsSuccessStatusCode)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<Wire.CoverageLookupResponse>(response, cancellationToken).ConfigureAwait(false);
            return parsed switch
            {
                { Status: Wire.CoverageLookupStatuses.Registered, Device: { } device } => new CoverageResult(CoverageStatus.Registered, ToCoverage(device)),
                { Status: Wire.CoverageLookupStatuses.NotRegistered } => new CoverageResult(CoverageStatus.NotRegistered, Model: parsed.Model),
                _ => new CoverageResult(CoverageStatus.Unavailable),
            };
        }

        var problem = await ProblemCodeAsync(response, "coverage lookup", cancellationToken).ConfigureAwait(false);
        return problem == Wire.ProblemCodes.NotFound ? new CoverageResult(CoverageStatus.NotFound) : new CoverageResult(CoverageStatus.Unavailable);
    }

    public async Task<SerialCheckResult> CheckSerialAsync(string serial, CancellationToken cancellationToken)
    {
        // Only reads, so the pipeline's retries are safe; whatever goes wrong, the journey goes on (Unavailable).
        using var request = _transport.NewRequest(Wire.BenefitsApiPaths.DeviceCheck, new Wire.DeviceCheckRequest(serial));
        using var response = await _transport.SendAsync(request, SerialCheckOperation, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new SerialCheckResult(SerialCheckStatus.Unavailable);
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<Wire.DeviceCheckResponse>(response, cancellationToken).ConfigureAwait(false);
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
        var problem = await BenefitsApiTransport.ReadAsync<Wire.Problem>(response, cancellationToken).ConfigureAwait(false);
        var requestId = BenefitsApiTransport.RequestIdOf(response);
        var expected = refusalsExpected && problem?.Code is Wire.ProblemCodes.UnknownSerial or Wire.ProblemCodes.RegisteredToAnotherAccount or Wire.ProblemCodes.InvalidPurchaseDate or Wire.ProblemCodes.NotFound;
        _logger.Log(
            expected ? LogLevel.Information : LogLevel.Warning,
            "Benefits API {Operation} answered {StatusCode} {ProblemCode} (request id {RequestId})",
            operation, (int)response.StatusCode, problem?.Code ?? "none", requestId ?? "none");
        return problem?.Code;
    }

    private static DeviceCoverage ToCoverage(Wire.DeviceCoverage device) => new(
        device.Model, device.PurchaseDate, device.RegistrationDate, device.WarrantyEnd, device.BenefitProgramEnd,
        device.AccidentalDamageEnd, device.AccidentalDamageClaimUsed, device.MoneyBackEnd);
}
