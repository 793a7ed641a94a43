using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace IqosBot.Storage;

/// <summary>
/// How bot state is written as JSON, the same in every storage: values round-trip as the same .NET types
/// (type names only where the declared type does not say it), null properties left out, and only the
/// assemblies bot state really holds may be named.
/// </summary>
internal static class StateJson
{
    // JsonSerializer is thread-safe once configured; building one per call would redo its contract setup.
    // MaxDepth is unlimited like the SDK's own storages: nested dialog stacks go deep. TypeNameHandling.Auto
    // writes type names only where the declared type does not say it (values typed object, such as dialog
    // state): the state then round-trips to the same types at half the size and a fraction of the
    // serialization cost of TypeNameHandling.All.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Auto,

        // The binder gives each type's name whole, already without versions and keys (cached, in the form
        // Newtonsoft's default Simple writes); Full takes it as it is. With Simple, Newtonsoft rebuilt and
        // stripped every $type name on every write: 8 % of what a FAQ turn allocated (bench/README.md).
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        NullValueHandling = NullValueHandling.Ignore,
        SerializationBinder = new AllowedAssembliesBinder(),
        MaxDepth = null,
    });

    // The thread's builder, reused: serializing never awaits, so nothing else on the thread can use it meanwhile. A
    // state of a few kB grew a new builder chunk by chunk on every write (bench/README.md).
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private const int MaxKeptBuilderCapacity = 64 * 1024;

    public static string Serialize(object value)
    {
        var builder = t_builder ?? new StringBuilder(4096);
        t_builder = null;
        try
        {
            using (var writer = new JsonTextWriter(new StringWriter(builder, CultureInfo.InvariantCulture)) { ArrayPool = JsonCharPool.Instance })
            {
                // Declared as object, so the root value carries its type name too and reads back as itself.
                Serializer.Serialize(writer, value, typeof(object));
            }

            return builder.ToString();
        }
        finally
        {
            builder.Clear();
            t_builder = builder.Capacity <= MaxKeptBuilderCapacity ? builder : null;
        }
    }

    public static object? Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = JsonCharPool.Instance };
        return Serializer.Deserialize(reader);
    }

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

            // "Type, Assembly" in one string and no assembly: Newtonsoft writes typeName + "" without building a string.
            assemblyName = null;
            typeName = _names.GetOrAdd(serializedType, static type => SimpleName(type));
        }

        private bool IsAllowed(Type type) => _verdicts.GetOrAdd(type, static t => IsAllowedUncached(t));

        private readonly ConcurrentDictionary<Type, string> _names = new();

        /// <summary>
        /// The name as Newtonsoft's Simple format writes it: the full name with only the assembly's short name, for
        /// generic arguments too ("System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]],
        /// System.Private.CoreLib"), so state written before reads the same and the file does not change.
        /// </summary>
        internal static string SimpleName(Type type) => TypeName(type) + ", " + type.Assembly.GetName().Name;

        private static string TypeName(Type type)
        {
            if (type.IsArray)
            {
                return TypeName(type.GetElementType()!) + (type.GetArrayRank() == 1 && type.IsSZArray ? "[]" : "[" + new string(',', type.GetArrayRank() - 1) + "]");
            }

            if (type.IsConstructedGenericType)
            {
                return type.GetGenericTypeDefinition().FullName + "[" + string.Join(",", type.GetGenericArguments().Select(argument => "[" + SimpleName(argument) + "]")) + "]";
            }

            return type.FullName ?? type.Name;
        }

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
