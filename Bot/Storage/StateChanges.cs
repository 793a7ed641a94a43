using System.Data.Common;
using Microsoft.Bot.Builder;

namespace IqosBot.Storage;

/// <summary>
/// One row to write (or, with no JSON, to delete), the etag it must still have unless it overwrites, and the etag it
/// is written with (chosen here, so that whoever wrote it knows it: <see cref="StateHandOver"/>).
/// </summary>
internal readonly record struct StateRow(string Key, string? ExpectedEtag, string? Json, bool Overwrite, string? Etag = null);

/// <summary>
/// The SDK's storage semantics (those of MemoryStorage), the same in every storage: a null value is a delete,
/// "*" or a value that is no <see cref="IStoreItem"/> overwrites, an item with an etag is written only over
/// that etag, and an item without one is new (written over a stored one, it is a conflict).
/// </summary>
internal static class StateChanges
{
    /// <summary>Serialized here, before any database is touched: it is the costly part and needs none.</summary>
    public static List<StateRow> Writes(IDictionary<string, object> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var rows = new List<StateRow>(changes.Count);
        foreach (var (key, value) in changes)
        {
            ThrowIfInvalidKey(key);
            if (value is null)
            {
                rows.Add(new StateRow(key, null, null, Overwrite: true));
                continue;
            }

            var overwrite = value is not IStoreItem { ETag: not "*" };
            var expected = overwrite ? null : ((IStoreItem)value).ETag;
            rows.Add(new StateRow(key, expected, StateJson.Serialize(value), overwrite, Guid.NewGuid().ToString("N")));
        }

        return rows;
    }

    public static StateRow[] Deletes(string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            ThrowIfInvalidKey(key);
        }

        return Array.ConvertAll(keys, key => new StateRow(key, null, null, Overwrite: true));
    }

    public static void ThrowIfInvalidKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentNullException(nameof(key), "Storage keys must not be null or empty.");
        }
    }

    /// <summary>Key and etag only: the stored value may hold personal data.</summary>
    public static ArgumentException Conflict(StateRow row)
        => new($"Etag conflict on key '{row.Key}': the item was written with etag '{row.ExpectedEtag ?? "(none)"}', which is not the current one.");

    /// <summary>A value read back: a stored JSON null is "nothing stored"; an item carries the stored etag, not the one it was written with.</summary>
    public static object? Read(string json, string etag)
    {
        var value = StateJson.Deserialize(json);
        if (value is IStoreItem item)
        {
            item.ETag = etag;
        }

        return value;
    }

    /// <summary>A value kept in memory (<see cref="StateHandOver"/>), given back as a read gives a stored one.</summary>
    public static object HandedOver(object value, string etag)
    {
        if (value is IStoreItem item)
        {
            item.ETag = etag;
        }

        return value;
    }

    /// <summary>After <paramref name="row"/> was written: its value waits for the key's next read.</summary>
    public static void HandOver(StateHandOver handOver, StateRow row, object value)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        if (row is { Json: not null, Etag: { } etag })
        {
            handOver.Keep(row.Key, etag, value);
        }
    }

    /// <summary>The first column of every row a key query returns, in its order (either provider's command).</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(DbCommand command, int limit, CancellationToken cancellationToken)
    {
        var keys = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
