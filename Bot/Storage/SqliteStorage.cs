using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace IqosBot.Storage;

/// <summary>
/// <see cref="IStorage"/> on an embedded SQLite file, with the semantics of the SDK's MemoryStorage:
/// values round-trip as the same .NET types, and an <see cref="IStoreItem"/> written with a stale
/// <see cref="IStoreItem.ETag"/> is rejected. Safe to share as a singleton across concurrent turns.
/// </summary>
public sealed partial class SqliteStorage : IStorage, IDisposable
{
    private const string SelectSql = "SELECT etag, value FROM state WHERE key = $key";

    // The WHERE clause only guards the UPDATE branch: a key that is not stored yet is inserted whatever
    // the etag, exactly like MemoryStorage. An existing row is replaced when the write overwrites ("*",
    // or a value that is no IStoreItem) or names its current etag; a stale etag, or none at all (an item
    // created twice in a race), makes the statement change no row.
    private const string UpsertSql = """
        INSERT INTO state (key, etag, value, updated_at)
        VALUES ($key, $etag, $value, $now)
        ON CONFLICT (key) DO UPDATE
            SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
            WHERE $overwrite = 1 OR state.etag = $expected
        """;

    private const string DeleteSql = "DELETE FROM state WHERE key = $key";

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;

    // JsonSerializer is thread-safe once configured; building one per call would redo its contract setup.
    // MaxDepth is unlimited like the SDK's own storages: nested dialog stacks go deep.
    // Type names are written only where the declared type does not say it (Auto: values typed object,
    // such as dialog state), and null properties are left out: the state then round-trips to the same
    // types at half the size and a fraction of the serialization cost of TypeNameHandling.All.
    private readonly JsonSerializer _serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Auto,
        NullValueHandling = NullValueHandling.Ignore,
        SerializationBinder = new AllowedAssembliesBinder(),
        MaxDepth = null,
    });

    private bool _disposed;

    /// <param name="time">When rows were written, for retention (<see cref="KeysNotWrittenSinceAsync"/>).</param>
    public SqliteStorage(SqliteStorageOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _time = time ?? TimeProvider.System;

        // WAL is stored in the file itself: readers then never block the writer nor each other.
        _file = new SqliteFile(options.Path, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (
                key        TEXT PRIMARY KEY NOT NULL,
                etag       TEXT NOT NULL,
                value      TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """);
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            ThrowIfInvalidKey(key);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        var items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0)
        {
            return items;
        }

        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectSql;
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);

        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // A stored JSON null reads as "nothing stored", as in MemoryStorage.
            var value = Deserialize(reader.GetString(1));
            if (value is null)
            {
                continue;
            }

            if (value is IStoreItem storeItem)
            {
                // The column, not the serialized property, holds the current etag: the value was
                // serialized with the etag the writer had read.
                storeItem.ETag = reader.GetString(0);
            }

            items[key] = value;
        }

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Serialize before taking the write lock: it is the costly part and needs no database.
        var rows = new List<Row>(changes.Count);
        foreach (var (key, value) in changes)
        {
            ThrowIfInvalidKey(key);

            // MemoryStorage keeps a null value as "nothing stored", which is a delete.
            if (value is null)
            {
                rows.Add(new Row(key, null, null, Overwrite: true));
                continue;
            }

            // As MemoryStorage: only "*" or a value without an etag of its own overwrites blindly; an
            // IStoreItem with no etag is new, and if someone stored it first that is a conflict too.
            var overwrite = value is not IStoreItem { ETag: not "*" };
            var expected = overwrite ? null : ((IStoreItem)value).ETag;
            rows.Add(new Row(key, expected, Serialize(value), overwrite));
        }

        return WriteRowsAsync(rows, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            ThrowIfInvalidKey(key);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);

        return WriteRowsAsync(Array.ConvertAll(keys, key => new Row(key, null, null, Overwrite: true)), cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        _file.ClearPool();
    }

    /// <summary>Applies all rows in one transaction, so a batch with one stale etag changes nothing.</summary>
    private async Task WriteRowsAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await _file.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Non-deferred means BEGIN IMMEDIATE: the write lock is taken before the etag is compared,
            // so no other writer can slip in between the check and the write. There is no async overload
            // that takes this flag, and Microsoft.Data.Sqlite's async methods run synchronously anyway.
            await using var transaction = connection.BeginTransaction(deferred: false);

            await using var upsert = connection.CreateCommand();
            upsert.CommandText = UpsertSql;
            var upsertKey = upsert.Parameters.Add("$key", SqliteType.Text);
            var upsertEtag = upsert.Parameters.Add("$etag", SqliteType.Text);
            var upsertValue = upsert.Parameters.Add("$value", SqliteType.Text);
            var upsertExpected = upsert.Parameters.Add("$expected", SqliteType.Text);
            var upsertOverwrite = upsert.Parameters.Add("$overwrite", SqliteType.Integer);
            upsert.Parameters.Add("$now", SqliteType.Text).Value = WrittenAt(_time.GetUtcNow());

            await using var delete = connection.CreateCommand();
            delete.CommandText = DeleteSql;
            var deleteKey = delete.Parameters.Add("$key", SqliteType.Text);

            foreach (var row in rows)
            {
                if (row.Json is null)
                {
                    deleteKey.Value = row.Key;
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                upsertKey.Value = row.Key;
                upsertEtag.Value = Guid.NewGuid().ToString("N");
                upsertValue.Value = row.Json;
                upsertExpected.Value = (object?)row.ExpectedEtag ?? DBNull.Value;
                upsertOverwrite.Value = row.Overwrite ? 1 : 0;

                if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    // Key and etag only: the stored value may hold personal data.
                    throw new ArgumentException($"Etag conflict on key '{row.Key}': the item was written with etag '{row.ExpectedEtag ?? "(none)"}', which is not the current one.");
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _file.WriteGate.Release();
        }
    }

    private string Serialize(object value)
    {
        var builder = new StringBuilder(256);
        using (var writer = new JsonTextWriter(new StringWriter(builder, CultureInfo.InvariantCulture)))
        {
            // Declared as object, so the root value carries its type name too and reads back as itself.
            _serializer.Serialize(writer, value, typeof(object));
        }

        return builder.ToString();
    }

    private object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return _serializer.Deserialize(reader);
    }

    private static void ThrowIfInvalidKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentNullException(nameof(key), "Storage keys must not be null or empty.");
        }
    }

    private readonly record struct Row(string Key, string? ExpectedEtag, string? Json, bool Overwrite);

    /// <summary>
    /// Type names in the JSON name the .NET type to create, so anyone who can write to the
    /// database file could make the bot instantiate any type on its probing path (a known deserialization
    /// gadget attack). Only the assemblies that state really holds are allowed; everything else throws,
    /// on write as on read, so a bad type is caught where it is stored rather than on a later turn.
    /// </summary>
    private sealed class AllowedAssembliesBinder : ISerializationBinder
    {
        // An entry allows the assembly of that name and those below it ("Microsoft.Bot" allows
        // "Microsoft.Bot.Builder.Dialogs", not "Microsoft.BotEvil").
        private static readonly string[] AllowedAssemblies =
        [
            "IqosBot",
            "Microsoft.Bot",
            "System.Private.CoreLib",
            "System.Collections",
            "Newtonsoft.Json",
        ];

        private readonly DefaultSerializationBinder _inner = new();
        private readonly ConcurrentDictionary<Type, bool> _verdicts = new();

        public Type BindToType(string? assemblyName, string typeName)
        {
            // Checked before resolving so that a disallowed assembly named here is not even loaded.
            if (!IsAllowedAssembly(assemblyName))
            {
                throw Disallowed(typeName, assemblyName);
            }

            var type = _inner.BindToType(assemblyName, typeName);

            // Generic arguments and array elements are resolved by the inner binder, not by this method.
            return IsAllowed(type) ? type : throw Disallowed(typeName, assemblyName);
        }

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
        {
            if (!IsAllowed(serializedType))
            {
                throw Disallowed(serializedType.FullName, serializedType.Assembly.GetName().Name);
            }

            _inner.BindToName(serializedType, out assemblyName, out typeName);
        }

        private bool IsAllowed(Type type) => _verdicts.GetOrAdd(type, static t => IsAllowedUncached(t));

        private static bool IsAllowedUncached(Type type)
        {
            if (type.HasElementType)
            {
                return IsAllowedUncached(type.GetElementType()!);
            }

            return IsAllowedAssembly(type.Assembly.GetName().Name)
                && (!type.IsGenericType || type.GetGenericArguments().All(IsAllowedUncached));
        }

        private static bool IsAllowedAssembly(string? assemblyName) =>
            assemblyName is not null
            && AllowedAssemblies.Any(allowed =>
                assemblyName.StartsWith(allowed, StringComparison.Ordinal)
                && (assemblyName.Length == allowed.Length || assemblyName[allowed.Length] == '.'));

        private static JsonSerializationException Disallowed(string? typeName, string? assemblyName) =>
            new($"Type '{typeName}, {assemblyName}' is not allowed in bot state.");
    }
}
