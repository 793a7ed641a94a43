using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/coverage/lookup</c> once the body is valid. A device registered to someone else answers
/// exactly like a serial that does not exist, so the lookup cannot be used to learn whether a serial is
/// somebody's or to test e-mail addresses against it.
/// </summary>
internal sealed class CoverageLookup(SandboxDatabase database, CoveragePolicy policy, ILogger<CoverageLookup> logger)
{
    public async Task<ApiResponse> LookupAsync(CoverageLookupRequest request, CancellationToken cancellationToken)
    {
        var (serial, email) = (request.Serial, request.Email);
        var device = await database.ReadAsync(connection => CrmQueries.FindDeviceAsync(connection, serial, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        var (response, outcome) = device switch
        {
            null => (Problems.NotFound(), "not found"),
            { Registration: null } => (ApiResponse.Ok(StatusCodes.Status200OK, CoverageLookupResponse.NotRegistered(device.Model)), "not registered"),
            { Registration: { } registration } when string.Equals(registration.AccountEmail, email, StringComparison.Ordinal)
                => (ApiResponse.Ok(StatusCodes.Status200OK, CoverageLookupResponse.Registered(policy.For(device.Model, registration))), "registered"),
            _ => (Problems.NotFound(), "not found"),
        };

        // The log must not tell the two "not found" cases apart either: it is read by more people than the CRM.
        SandboxLog.CoverageLookedUp(logger, serial, email, outcome);
        return response;
    }
}
