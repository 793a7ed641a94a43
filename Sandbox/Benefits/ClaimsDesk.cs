using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/claims/eligibility</c> and <c>POST /v1/claims</c> once the body is valid. Like the coverage
/// lookup, a device registered to another e-mail address answers exactly like a serial that does not
/// exist. Creating a claim re-checks eligibility in the same transaction that stores it, so two concurrent
/// accidental-damage claims for one device cannot both pass; retries of one Idempotency-Key get the first 201
/// (<see cref="IdempotentWrites"/>).
/// Logs carry hash prefixes of the serial and the e-mail address, the kind and the outcome: never an
/// address or a fault description.
/// </summary>
internal sealed class ClaimsDesk(SandboxDatabase database, IdempotentWrites writes, ClaimPolicy policy, SwedishCalendar calendar, ILogger<ClaimsDesk> logger)
{
    public async Task<ApiResponse> CheckAsync(ClaimEligibilityRequest check, CancellationToken cancellationToken)
    {
        var device = await database.ReadAsync(connection => CrmQueries.FindDeviceAsync(connection, check.Serial, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        ApiResponse response;
        string outcome;
        if (!BelongsOrFree(device, check.Email))
        {
            (response, outcome) = (Problems.NotFound(), "not found");
        }
        else
        {
            var reason = policy.RefusalFor(device!, check.Kind, check.Damage);
            response = ApiResponse.Ok(StatusCodes.Status200OK, new ClaimEligibilityResponse(reason is null, reason, device!.Model));
            outcome = reason ?? "eligible";
        }

        SandboxLog.ClaimChecked(logger, check.Kind, check.Serial, check.Email, outcome);
        return response;
    }

    public async Task<ApiResponse> CreateAsync(IdempotencyKey idempotencyKey, ClaimRequest claim, CancellationToken cancellationToken)
    {
        var (response, outcome) = await writes.RunOnceAsync(idempotencyKey, Fingerprints.Of(claim), async connection =>
        {
            var device = await CrmQueries.FindDeviceAsync(connection, claim.Serial, cancellationToken).ConfigureAwait(false);
            if (!BelongsOrFree(device, claim.Email))
            {
                return (Problems.NotFound(), "refused: not found");
            }

            if (policy.RefusalFor(device!, claim.Kind, claim.Damage) is { } reason)
            {
                return (Problems.NotEligible(reason, device!.Model), "refused: " + reason);
            }

            var now = calendar.Now;
            var caseNumber = await ClaimQueries.InsertClaimAsync(connection, device!.Registration!.AccountId, claim, now, cancellationToken).ConfigureAwait(false);
            if (string.Equals(claim.Kind, ClaimKinds.AccidentalDamage, StringComparison.Ordinal))
            {
                await ClaimQueries.MarkAccidentalClaimUsedAsync(connection, claim.Serial, cancellationToken).ConfigureAwait(false);
            }

            var created = ApiResponse.Ok(StatusCodes.Status201Created, new ClaimCreated(caseNumber, claim.Kind, device.Model, now));
            return (created, "created " + caseNumber);
        }, cancellationToken).ConfigureAwait(false);

        // After the commit, so the log never reports a claim that was rolled back.
        SandboxLog.ClaimFiled(logger, claim.Kind, claim.Serial, claim.Email, outcome, response.Status);
        return response;
    }

    /// <summary>The serial exists and is registered to this e-mail address or to nobody (the not-registered answer).</summary>
    private static bool BelongsOrFree(DeviceRecord? device, string email) => device switch
    {
        null => false,
        { Registration: null } => true,
        { Registration: { } registration } => string.Equals(registration.AccountEmail, email, StringComparison.Ordinal),
    };
}
