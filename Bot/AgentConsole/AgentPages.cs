using System.Collections.Concurrent;
using System.Text.Encodings.Web;

namespace IqosBot.AgentConsole;

/// <summary>The console's two HTML pages, embedded in the assembly, with the few values the server fills in encoded for HTML.</summary>
internal static class AgentPages
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>Escapes what HTML needs escaped and leaves å, ä and ö readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Console() => Load("console.html");

    public static string Insights() => Load("insights.html");

    /// <summary>What a signed-in agent without the lead role sees at /agent/insights (403).</summary>
    public static string LeadsOnly() => Load("leads-only.html");

    public static string Login(string antiforgeryField, string returnUrl, string? error)
        => Load("login.html")
            .Replace("{{antiforgeryField}}", antiforgeryField, StringComparison.Ordinal)
            .Replace("{{returnUrl}}", Encoder.Encode(returnUrl), StringComparison.Ordinal)
            .Replace("{{error}}", Encoder.Encode(error ?? string.Empty), StringComparison.Ordinal);

    private static string Load(string name) => Cache.GetOrAdd(name, static file =>
    {
        using var stream = typeof(AgentPages).Assembly.GetManifestResourceStream("IqosBot.AgentConsole.Pages." + file)
                           ?? throw new InvalidOperationException($"The page {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
