using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace IqosBot.Sandbox.Benefits;

/// <summary>Customer data: a serial or an e-mail address. Logged only through the redactor, never as itself.</summary>
public sealed class CustomerDataAttribute() : DataClassificationAttribute(SandboxLog.CustomerData);

/// <summary>
/// What the sandbox logs about a request. Serials and e-mails are classified as <see cref="CustomerData"/>, and the
/// host's redactor (set up by AddBenefitsSandbox) writes an HMAC in their place: the same customer's requests
/// can be followed through one run's log, the value itself is never there, and a log cannot be joined to
/// another run's (the key is new each start and never stored).
/// </summary>
internal static partial class SandboxLog
{
    public static DataClassification CustomerData { get; } = new("IqosBot", "CustomerData");

    /// <summary>Registers the redaction of <see cref="CustomerData"/> in every log of the host.</summary>
    public static void AddCustomerDataRedaction(IServiceCollection services)
    {
        services.AddLogging(logging => logging.EnableRedaction());
        services.AddRedaction(redaction => redaction.SetHmacRedactor(
            options =>
            {
                options.Key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                options.KeyId = 1;
            },
            new DataClassificationSet(CustomerData)));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Benefits sandbox serial check of device {Serial}: {Outcome}")]
    public static partial void SerialChecked(ILogger logger, [CustomerData] string serial, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Benefits sandbox coverage lookup of device {Serial} for account {Email}: {Outcome}")]
    public static partial void CoverageLookedUp(ILogger logger, [CustomerData] string serial, [CustomerData] string email, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benefits sandbox registration of device {Serial} for account {Email}: {Outcome} ({Status})")]
    public static partial void Registered(ILogger logger, [CustomerData] string serial, [CustomerData] string email, string outcome, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Benefits sandbox {Kind} claim check of device {Serial} for account {Email}: {Outcome}")]
    public static partial void ClaimChecked(ILogger logger, string kind, [CustomerData] string serial, [CustomerData] string email, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Benefits sandbox {Kind} claim for device {Serial} of account {Email}: {Outcome} ({Status})")]
    public static partial void ClaimFiled(ILogger logger, string kind, [CustomerData] string serial, [CustomerData] string email, string outcome, int status);
}
