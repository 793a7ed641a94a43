namespace IqosBot.Recognition.Clu;

/// <summary>Azure AI Language conversational language understanding (configuration section "Clu").</summary>
public sealed class CluOptions
{
    public const string SectionName = "Clu";

    /// <summary>The Language resource, e.g. https://my-language.cognitiveservices.azure.com.</summary>
    public Uri? Endpoint { get; set; }

    public string Key { get; set; } = string.Empty;

    public string ProjectName { get; set; } = "iqosbot";

    public string DeploymentName { get; set; } = "production";

    public string ApiVersion { get; set; } = "2024-11-01";

    /// <summary>One call's limit; the customer is waiting, so the embedded recognizer answers after this.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>All attempts together, retries after 429 included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
