using IqosBot.Benefits.Contract;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// <c>POST /v1/devices/check</c> once the body is valid: whether a device with this serial exists, and its
/// model, so that a mistyped serial is caught as soon as it is given. The answer is built from the model alone:
/// a device registered to somebody, to nobody or to the caller gets the same bytes, so the check says nothing
/// about whether or to whom a device is registered.
/// </summary>
internal sealed class SerialCheck(SandboxDatabase database, ILogger<SerialCheck> logger)
{
    public async Task<ApiResponse> CheckAsync(DeviceCheckRequest request, CancellationToken cancellationToken)
    {
        var serial = request.Serial;
        var device = await database.ReadAsync(connection => CrmQueries.FindDeviceAsync(connection, serial, cancellationToken), cancellationToken)
            .ConfigureAwait(false);

        var result = device is null ? new DeviceCheckResponse(Known: false, Model: null) : new DeviceCheckResponse(Known: true, device.Model);

        // Like the answer, the log says known or unknown and nothing about a registration.
        SandboxLog.SerialChecked(logger, serial, result.Known ? "known" : "unknown");
        return ApiResponse.Ok(StatusCodes.Status200OK, result);
    }
}
