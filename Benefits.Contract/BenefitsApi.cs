using System.Text.Json;

namespace IqosBot.Benefits.Contract;

/// <summary>The operations' paths, relative to the API's base address (which ends in "/").</summary>
public static class BenefitsApiPaths
{
    public const string Registrations = "v1/registrations";
    public const string CoverageLookup = "v1/coverage/lookup";
    public const string DeviceCheck = "v1/devices/check";
    public const string ClaimEligibility = "v1/claims/eligibility";
    public const string Claims = "v1/claims";
}

/// <summary>The headers the contract names.</summary>
public static class BenefitsApiHeaders
{
    /// <summary>Every request's credential.</summary>
    public const string ApiKey = "X-Api-Key";

    /// <summary>On a registration or a claim: the same key for retries of it, a new key for a new one.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The longest Idempotency-Key the API accepts.</summary>
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>"true" on the stored answer to an earlier request with the same Idempotency-Key.</summary>
    public const string IdempotentReplayed = "Idempotent-Replayed";

    /// <summary>Names the request in the API's logs, so a problem can be reported without quoting personal data.</summary>
    public const string RequestId = "X-Request-Id";
}

/// <summary>
/// The serializer settings of every body, on both sides. The Web defaults: camelCase, dates as ISO 8601
/// (<c>YYYY-MM-DD</c> for a <see cref="DateOnly"/>); the records name their members explicitly anyway.
/// One instance, so that the sandbox's stored idempotent answers and its fresh ones are the same bytes.
/// </summary>
public static class BenefitsApiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        // Shared by every caller in the process: nobody may change it under the others.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
