using Microsoft.Extensions.Options;

namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// The checks data annotations cannot word well: a missing key or path must say which setting to add and
/// where, since the first person to meet it is a newcomer starting the bot.
/// </summary>
internal sealed class BenefitsSandboxOptionsValidator : IValidateOptions<BenefitsSandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, BenefitsSandboxOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add(
                $"{BenefitsSandboxOptions.SectionName}:{nameof(BenefitsSandboxOptions.ApiKey)} is not set. The benefits API sandbox "
                + "refuses to start without the key its clients must send in the X-Api-Key header: set it in appsettings.json "
                + "or in the environment variable Benefits__Sandbox__ApiKey.");
        }

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{BenefitsSandboxOptions.SectionName}:{nameof(BenefitsSandboxOptions.DatabasePath)} is empty: name the sandbox's SQLite file.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
