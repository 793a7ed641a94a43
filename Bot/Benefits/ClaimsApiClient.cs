using System.Net;
using IqosBot.Dialogs.Benefits;
using Wire = IqosBot.Benefits.Contract;

namespace IqosBot.Benefits;

/// <summary>
/// The claims operations of the benefits API (<c>POST /v1/claims/eligibility</c>, <c>POST /v1/claims</c>),
/// on the same named HttpClient and resilience pipeline as <see cref="BenefitsApiClient"/>: the check only
/// reads and a claim carries an Idempotency-Key, so retries are safe. The API decides; this class only maps
/// its answers. Anything but a well-formed answer of the contract (no response, a timeout, an open circuit,
/// 5xx or 429 after the retries, a 2xx body that does not parse, an unexpected problem) is Unavailable.
/// Logged: status codes, problem codes, reasons and the API's request id; never serial, e-mail or address.
/// </summary>
public sealed class ClaimsApiClient : IClaimsApi
{
    private const string CheckOperation = "claim check";
    private const string CreateOperation = "claim creation";

    private readonly BenefitsApiTransport _transport;
    private readonly ILogger<ClaimsApiClient> _logger;

    public ClaimsApiClient(BenefitsApiTransport transport, ILogger<ClaimsApiClient> logger)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<ClaimEligibility> CheckClaimAsync(ClaimCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var body = new Wire.ClaimEligibilityRequest(check.Serial, check.Email, KindOf(check.Kind), DamageOf(check.Damage));
        using var request = _transport.NewRequest(Wire.BenefitsApiPaths.ClaimEligibility, body);
        using var response = await _transport.SendAsync(request, CheckOperation, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new ClaimEligibility(ClaimDecision.Unavailable);
        }

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var parsed = await BenefitsApiTransport.ReadAsync<Wire.ClaimEligibilityResponse>(response, cancellationToken).ConfigureAwait(false);
            if (parsed is null)
            {
                return Malformed<ClaimEligibility>(response, CheckOperation, new ClaimEligibility(ClaimDecision.Unavailable));
            }

            if (parsed.Eligible)
            {
                return new ClaimEligibility(ClaimDecision.Eligible, parsed.Model);
            }

            return DecisionOf(parsed.Reason) is { } decision
                ? new ClaimEligibility(decision, parsed.Model)
                : Malformed<ClaimEligibility>(response, CheckOperation, new ClaimEligibility(ClaimDecision.Unavailable));
        }

        var problem = await ProblemAsync(response, CheckOperation, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound && problem?.Code == Wire.ProblemCodes.NotFound
            ? new ClaimEligibility(ClaimDecision.NotFound)
            : new ClaimEligibility(ClaimDecision.Unavailable);
    }

    public async Task<ClaimResult> CreateClaimAsync(ClaimRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Address);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);

        var body = new Wire.ClaimRequest(
            request.Serial,
            request.Email,
            KindOf(request.Kind),
            DamageOf(request.Damage),
            request.FaultDescription,
            new Wire.ShippingAddress(request.Address.Street, request.Address.PostalCode, request.Address.City),
            request.Language);
        using var message = _transport.NewRequest(Wire.BenefitsApiPaths.Claims, body);

        // The same key on every attempt the pipeline makes: a retried POST is recognised, never a second claim.
        message.Headers.Add(Wire.BenefitsApiHeaders.IdempotencyKey, idempotencyKey);

        using var response = await _transport.SendAsync(message, CreateOperation, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return new ClaimResult(ClaimStatus.Unavailable);
        }

        if (response.StatusCode == HttpStatusCode.Created)
        {
            var created = await BenefitsApiTransport.ReadAsync<Wire.ClaimCreated>(response, cancellationToken).ConfigureAwait(false);
            return created is { CaseNumber.Length: > 0 }
                ? new ClaimResult(ClaimStatus.Created, created.CaseNumber, Model: created.Model)
                : Malformed<ClaimResult>(response, CreateOperation, new ClaimResult(ClaimStatus.Unavailable));
        }

        var problem = await ProblemAsync(response, CreateOperation, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, problem?.Code) switch
        {
            (404, Wire.ProblemCodes.NotFound) => new ClaimResult(ClaimStatus.Refused, RefusedBecause: ClaimDecision.NotFound),
            (422, Wire.ProblemCodes.NotEligible) when DecisionOf(problem!.Reason) is { } decision
                => new ClaimResult(ClaimStatus.Refused, RefusedBecause: decision, Model: problem!.Model),

            // The API refused a value the customer gave (the postcode, a street or city that is blank or too long).
            (422, Wire.ProblemCodes.ValidationFailed) => new ClaimResult(ClaimStatus.Refused),
            _ => new ClaimResult(ClaimStatus.Unavailable),
        };
    }

    private static string KindOf(ClaimKind kind) => kind switch
    {
        ClaimKind.WarrantyReplacement => Wire.ClaimKinds.WarrantyReplacement,
        ClaimKind.AccidentalDamage => Wire.ClaimKinds.AccidentalDamage,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a claim kind of the contract."),
    };

    private static string DamageOf(DamageKind damage) => damage switch
    {
        DamageKind.None => Wire.DamageKinds.None,
        DamageKind.Dropped => Wire.DamageKinds.Dropped,
        DamageKind.Liquid => Wire.DamageKinds.Liquid,
        DamageKind.Cracked => Wire.DamageKinds.Cracked,
        DamageKind.Other => Wire.DamageKinds.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "Not a damage kind of the contract."),
    };

    private static ClaimDecision? DecisionOf(string? reason) => reason switch
    {
        Wire.ClaimRefusalReasons.NotRegistered => ClaimDecision.NotRegistered,
        Wire.ClaimRefusalReasons.WarrantyExpired => ClaimDecision.WarrantyExpired,
        Wire.ClaimRefusalReasons.AccidentalCoverExpired => ClaimDecision.AccidentalCoverExpired,
        Wire.ClaimRefusalReasons.AccidentalClaimUsed => ClaimDecision.AccidentalClaimUsed,
        Wire.ClaimRefusalReasons.DamageExcluded => ClaimDecision.DamageExcluded,
        _ => null,
    };

    private T Malformed<T>(HttpResponseMessage response, string operation, T result)
    {
        _logger.LogWarning(
            "Benefits API {Operation} answered {StatusCode} with a body outside the contract (request id {RequestId})",
            operation, (int)response.StatusCode, BenefitsApiTransport.RequestIdOf(response) ?? "none");
        return result;
    }

    private async Task<Wire.Problem?> ProblemAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var problem = await BenefitsApiTransport.ReadAsync<Wire.Problem>(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var expected = (status, problem?.Code) is (404, Wire.ProblemCodes.NotFound) or (422, Wire.ProblemCodes.NotEligible) or (422, Wire.ProblemCodes.ValidationFailed);
        _logger.Log(
            expected ? LogLevel.Information : LogLevel.Warning,
            "Benefits API {Operation} answered {StatusCode} {ProblemCode} {Reason} (request id {RequestId})",
            operation, status, problem?.Code ?? "none", problem?.Reason ?? string.Empty, BenefitsApiTransport.RequestIdOf(response) ?? "none");
        return problem;
    }

}
