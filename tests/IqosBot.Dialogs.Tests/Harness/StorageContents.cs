using System.Reflection;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace IqosBot.Dialogs.Tests.Harness;

/// <summary>
/// Everything a <see cref="MemoryStorage"/> holds, as the JSON it keeps, so a test can show that something
/// the customer typed was stored nowhere (not only not in the dialog stack it happens to look at).
/// </summary>
public static class StorageContents
{
    public static string Json(MemoryStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);

        // MemoryStorage keeps its items in a private dictionary of JObjects and offers no way to list keys.
        var field = typeof(MemoryStorage).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Single(candidate => candidate.FieldType == typeof(Dictionary<string, JObject>));
        var memory = (Dictionary<string, JObject>)field.GetValue(storage)!;
        lock (memory)
        {
            return new JObject(memory.Select(item => new JProperty(item.Key, item.Value))).ToString();
        }
    }
}
