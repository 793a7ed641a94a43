namespace IqosBot.Dialogs.Engine;

/// <summary>
/// Reads values back from dialog state. After a JSON round trip through storage an int comes back as a
/// long, so numbers are converted rather than cast.
/// </summary>
public static class StateValues
{
    public static int GetInt(this IDictionary<string, object> state, string key, int fallback = 0)
        => state.TryGetValue(key, out var value) && value is not null
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : fallback;

    public static T? GetOrDefault<T>(this IDictionary<string, object> state, string key)
        where T : class
        => state.TryGetValue(key, out var value) ? value as T : null;
}
