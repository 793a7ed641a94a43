using Newtonsoft.Json.Linq;

namespace IqosBot.DirectLine;

/// <summary>
/// Recognises a client's retry of a message it already posted: Web Chat sends the same clientActivityID again when
/// its first POST got no answer (the instance died, the network dropped), possibly to another instance. A retry
/// comes within seconds, so the newest few activities of the conversation are all it is looked for in.
/// </summary>
public static class ClientActivityRetry
{
    /// <summary>How many of the newest activities a retry is looked for among.</summary>
    public const int Window = 20;

    /// <summary>The clientActivityID of a customer's activity, when it has a usable one.</summary>
    public static string? IdOf(Microsoft.Bot.Schema.Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelData is JObject data && data.Value<string>("clientActivityID") is { Length: > 0 and <= 128 } id ? id : null;
    }

    /// <summary>
    /// Runs <paramref name="newest"/> (the conversation's newest activities as <c>seq, json</c>, inside the append's
    /// transaction) and returns the one posted under <paramref name="clientActivityId"/>, or null. Shared by both stores.
    /// </summary>
    public static async Task<(long Sequence, string Json)?> FindAsync(System.Data.Common.DbCommand newest, string clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newest);
        await using var reader = await newest.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IsSame(reader.GetString(1), clientActivityId))
            {
                return (reader.GetInt64(0), reader.GetString(1));
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="json"/> is the customer's activity posted under <paramref name="clientActivityId"/>.</summary>
    public static bool IsSame(string json, string clientActivityId)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Cheap test first: most stored activities are the bot's and carry no client id at all.
        if (!json.Contains(clientActivityId, StringComparison.Ordinal) || !json.Contains("clientActivityID", StringComparison.Ordinal))
        {
            return false;
        }

        var activity = JObject.Parse(json);
        return activity.SelectToken("channelData.clientActivityID") is JValue { Type: JTokenType.String } stored
               && string.Equals(stored.Value<string>(), clientActivityId, StringComparison.Ordinal)
               && string.Equals(activity.SelectToken("from.role")?.Value<string>(), "user", StringComparison.Ordinal);
    }
}
