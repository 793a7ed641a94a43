namespace IqosBot.Dialogs.Broken;

/// <summary>Who files a replacement or accidental-damage claim (configuration section <c>Claims</c>).</summary>
public sealed class ClaimsOptions
{
    public const string SectionName = "Claims";

    /// <summary>
    /// <see cref="ClaimHandling.Api"/>: the journey files the claim through the benefits API.
    /// <see cref="ClaimHandling.Agents"/>: the journey troubleshoots, then hands over to a person with its
    /// diagnosis (for markets where agents make claims). Read per turn, so it can be switched without a restart.
    /// </summary>
    public ClaimHandling HandledBy { get; set; } = ClaimHandling.Api;
}

public enum ClaimHandling
{
    Api,
    Agents,
}
