using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/registrations</c> once the body is valid: registers a device to the account of an e-mail
/// address, creating that account pending activation if there is none, and answers retries of the same
/// Idempotency-Key with the first response (<see cref="IdempotentWrites"/>).
/// </summary>
internal sealed class DeviceRegistrar(IdempotentWrites writes, CoveragePolicy policy, SwedishCalendar calendar, ILogger<DeviceRegistrar> logger)
{
    public async Task<ApiResponse> RegisterAsync(IdempotencyKey idempotencyKey, RegistrationRequest request, CancellationToken cancellationToken)
    {
        var (response, outcome) = await writes.RunOnceAsync(idempotencyKey, Fingerprints.Of(request), async connection =>
        {
            var device = await CrmQueries.FindDeviceAsync(connection, request.Serial, cancellationToken).ConfigureAwait(false);
            if (device is null)
            {
                return (Problems.UnknownSerial(), "refused: unknown serial");
            }

            if (device.Registration is { } existing)
            {
                if (!string.Equals(existing.AccountEmail, request.Email, StringComparison.Ordinal))
                {
                    return (Problems.RegisteredToAnotherAccount(), "refused: registered to another account");
                }

                // Already this customer's: nothing changes, not even the purchase date this request names.
                return (Success(StatusCodes.Status200OK, device.Model, existing), "already registered to this account");
            }

            if (PurchaseDateProblem(device.Model, request.PurchaseDate) is { } dateProblem)
            {
                return (dateProblem, "refused: invalid purchase date");
            }

            var (accountId, created) = await CrmQueries.FindOrCreateAccountAsync(connection, request.Email, calendar.Now, cancellationToken).ConfigureAwait(false);
            await CrmQueries.InsertRegistrationAsync(connection, request.Serial, accountId, request, calendar.Today, calendar.Now, cancellationToken).ConfigureAwait(false);

            // Read back rather than assembled here: the account-wide benefit programme depends on every device on it.
            var registered = await CrmQueries.FindDeviceAsync(connection, request.Serial, cancellationToken).ConfigureAwait(false);
            var response = Success(StatusCodes.Status201Created, registered!.Model, registered.Registration!);
            return (response, created ? "registered to a new account pending activation" : "registered");
        }, cancellationToken).ConfigureAwait(false);

        // After the commit, so the log never reports a registration that was rolled back.
        SandboxLog.Registered(logger, request.Serial, request.Email, outcome, response.Status);
        return response;
    }

    private ApiResponse? PurchaseDateProblem(string model, DateOnly purchaseDate)
    {
        if (purchaseDate > calendar.Today)
        {
            return Problems.InvalidPurchaseDate("The purchase date is in the future.");
        }

        return purchaseDate < DeviceModels.LaunchDate(model)
            ? Problems.InvalidPurchaseDate("The purchase date is before this model was launched.")
            : null;
    }

    private ApiResponse Success(int status, string model, RegistrationRecord registration) =>
        ApiResponse.Ok(status, new RegistrationResponse(policy.For(model, registration), new Account(registration.AccountStatus)));
}
