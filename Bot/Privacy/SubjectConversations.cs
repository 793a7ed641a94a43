namespace IqosBot.Privacy;

/// <summary>
/// The conversations that are one data subject's, as the stores name them: "channel/id" in the bot's tables,
/// the bare id in Direct Line's, and the exact state keys that mention them.
/// </summary>
public sealed class SubjectConversations
{
    private const string StateMarker = "/conversations/";

    public HashSet<string> Conversations { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DirectLineIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> StateKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Callback tickets that carry the subject's phone number, also when no conversation is known for them.</summary>
    public HashSet<string> CallbackTicketIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A conversation the request names by id ("channel/id" or a bare Direct Line id).</summary>
    public void AddNamed(PersonalDataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Conversation?.Trim() is not { Length: > 0 } named)
        {
            return;
        }

        var slash = named.IndexOf('/', StringComparison.Ordinal);
        DirectLineIds.Add(slash >= 0 ? named[(slash + 1)..] : named);
        if (slash >= 0)
        {
            Conversations.Add(named);
        }
    }

    /// <summary>"webchat/conversations/abc" → the conversation "webchat/abc"; user and other keys name no conversation but are still the subject's.</summary>
    public void AddStateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        StateKeys.Add(key);
        var at = key.IndexOf(StateMarker, StringComparison.Ordinal);
        if (at > 0)
        {
            Conversations.Add(key[..at] + "/" + key[(at + StateMarker.Length)..]);
            DirectLineIds.Add(key[(at + StateMarker.Length)..]);
        }
    }

    /// <summary>One conversation is known by "channel/id" in the bot's tables and by its id in Direct Line's.</summary>
    public void AddIdsOfConversations()
    {
        foreach (var key in Conversations)
        {
            DirectLineIds.Add(key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        }
    }

    /// <summary>LIKE patterns finding every state key and case of the Direct Line ids found so far, on any channel.</summary>
    public (string[] StateKeyPatterns, string[] ConversationKeyPatterns) IdPatterns()
        => ([.. DirectLineIds.Select(id => "%" + StateMarker + EscapeLike(id))], [.. DirectLineIds.Select(id => "%/" + EscapeLike(id))]);

    /// <summary>LIKE's wildcards in an id taken literally (with ESCAPE '\').</summary>
    public static string EscapeLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
