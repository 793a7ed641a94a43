namespace IqosBot.Sandbox.Benefits;

/// <summary>
/// How the CRM matches serial numbers: customers copy them from the box or the device with spaces and
/// dashes, in any case, so those are removed and the rest upper-cased before any comparison or storage.
/// </summary>
internal static class SerialNumber
{
    /// <summary>Longer input is no serial; refusing it keeps junk out of queries and fingerprints.</summary>
    public const int MaxLength = 64;

    public static string Normalize(string serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        return string.Create(serial.Length - CountSeparators(serial), serial, static (span, source) =>
        {
            var index = 0;
            foreach (var character in source)
            {
                if (!IsSeparator(character))
                {
                    span[index++] = char.ToUpperInvariant(character);
                }
            }
        });
    }

    private static int CountSeparators(string serial) => serial.Count(IsSeparator);

    private static bool IsSeparator(char character) => character == '-' || char.IsWhiteSpace(character);
}
