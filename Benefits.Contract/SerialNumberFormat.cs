namespace IqosBot.Benefits.Contract;

/// <summary>
/// How the contract matches serial numbers (schema Serial): customers copy them from the box or the device
/// with spaces and dashes, in any case, so those are removed and the rest upper-cased before any comparison
/// or storage: <c>ilp1-a2b3 c4d5</c> is <c>ILP1A2B3C4D5</c>. The one rule for the bot, which sends serials so
/// normalized, and for the sandbox, which matches them so. Whether a text looks like a serial at all is the
/// asker's business (the dialogs pre-check loosely; the CRM knows which exist).
/// </summary>
public static class SerialNumberFormat
{
    /// <summary>The longest serial once normalized; longer input is no serial.</summary>
    public const int MaxLength = 64;

    /// <summary>Whitespace of any kind and dashes (the hyphen-minus and the en dash phones put in) removed, the rest upper-cased.</summary>
    public static string Normalize(string serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        return string.Create(serial.Length - serial.Count(IsSeparator), serial, static (span, source) =>
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

    private static bool IsSeparator(char character) => character is '-' or '\u2013' || char.IsWhiteSpace(character);
}
