using System.ComponentModel.DataAnnotations;

namespace IqosBot.Handoff;

/// <summary>How conversations reach people (configuration section "Handoff").</summary>
public sealed class HandoffSettings
{
    public const string SectionName = "Handoff";

    /// <summary>Console: this bot's own queue and agent console at /agent. ContactCentre: a contact centre (Dynamics 365 Omnichannel, LivePerson, …) takes over after the Bot Framework handoff event.</summary>
    public HandoffMode Mode { get; set; } = HandoffMode.Console;

    /// <summary>Minutes an agent spends per customer, used for the wait estimate until enough chats have been closed to measure it.</summary>
    [Range(1, 120)]
    public int MinutesPerCustomer { get; set; } = 4;

    /// <summary>Transcripts of conversations that never reached a person are deleted after this many days.</summary>
    [Range(1, 365)]
    public int TranscriptRetentionDays { get; set; } = 30;

    /// <summary>
    /// With Mode ContactCentre: the id the contact centre's <c>handoff.status</c> events come from. Events from
    /// anyone else are ignored, so a customer cannot end or fail their own handoff by sending one.
    /// </summary>
    public string? ContactCentreSenderId { get; set; }
}

public enum HandoffMode
{
    Console,
    ContactCentre,
}
