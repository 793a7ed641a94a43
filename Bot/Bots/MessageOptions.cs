using System.ComponentModel.DataAnnotations;

namespace IqosBot.Bots;

/// <summary>What the bot reads of a customer's message (configuration section "Messages").</summary>
public sealed class MessageOptions
{
    public const string SectionName = "Messages";

    /// <summary>
    /// Longer messages get a polite request for a shorter one and are neither understood nor kept beyond this
    /// many characters: a support question fits in far fewer, and every reader of customer text stays cheap.
    /// </summary>
    [Range(200, 100_000)]
    public int MaxLength { get; set; } = 2000;
}
