namespace IqosBot.Dialogs.Tests.Listening;

/// <summary>
/// One conversation of the listening table (Listening/Conversations/*.txt), read from its plain-text form:
/// <code>
/// ## a serial corrected inside a sentence            ← title, starts a conversation
/// hours: closed                                       ← optional: customer care closed (default open)
/// > register my device                                ← what the customer writes
/// &lt; serial number                                     ← some reply to that line contains this (any case)
/// !&lt; doesn't look like                               ← no reply to that line contains this
/// = registered ILO7G6H5J4K3                           ← what the bot did by now (see ConversationEffects)
/// </code>
/// Lines starting with # are comments.
/// </summary>
internal sealed record ConversationScript(string Title, bool Open, IReadOnlyList<ConversationTurn> Turns)
{
    public static IReadOnlyList<ConversationScript> Parse(string text, string source)
    {
        var scripts = new List<ConversationScript>();
        string? title = null;
        var open = true;
        var turns = new List<ConversationTurn>();

        void Flush()
        {
            if (title is not null)
            {
                if (turns.Count == 0)
                {
                    throw new FormatException($"{source}: '{title}' has no customer line.");
                }

                scripts.Add(new ConversationScript(title, open, turns));
            }

            turns = [];
            open = true;
        }

        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || (line.StartsWith('#') && !line.StartsWith("##", StringComparison.Ordinal)))
            {
                continue;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                Flush();
                title = line[2..].Trim();
                continue;
            }

            if (title is null)
            {
                throw new FormatException($"{source}:{number}: a line before the first '## title'.");
            }

            if (line.StartsWith("hours:", StringComparison.Ordinal))
            {
                open = line[6..].Trim() != "closed";
            }
            else if (line.StartsWith('>'))
            {
                turns.Add(new ConversationTurn(line[1..].Trim(), [], [], []));
            }
            else if (turns.Count == 0)
            {
                throw new FormatException($"{source}:{number}: an expectation before the first customer line.");
            }
            else if (line.StartsWith("!<", StringComparison.Ordinal))
            {
                turns[^1].MustNotContain.Add(line[2..].Trim());
            }
            else if (line.StartsWith('<'))
            {
                turns[^1].MustContain.Add(line[1..].Trim());
            }
            else if (line.StartsWith('='))
            {
                turns[^1].Effects.Add(line[1..].Trim());
            }
            else
            {
                throw new FormatException($"{source}:{number}: cannot read '{line}'.");
            }
        }

        Flush();
        return scripts;
    }
}

/// <summary>A customer line and what the replies to it must and must not contain, and what must have happened.</summary>
internal sealed record ConversationTurn(string Says, List<string> MustContain, List<string> MustNotContain, List<string> Effects);
