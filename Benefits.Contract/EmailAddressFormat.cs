using System.Text.RegularExpressions;

namespace IqosBot.Benefits.Contract;

/// <summary>
/// The contract's rules for an e-mail address (schema Email): what is well-formed enough to register, and
/// how two addresses are compared. Deliberately simple, one rule for both sides: the dialogs accept an address
/// by it, and the sandbox's registration refuses only what fails it, so the sandbox never refuses what the bot
/// sends. Whether the address exists is for the account system to find out (it mails an activation link).
/// </summary>
public static partial class EmailAddressFormat
{
    /// <summary>RFC 5321's limit on a forward path: a longer text is not read as an address.</summary>
    public const int MaxLength = 254;

    /// <summary>One @ with 1 to 64 characters before it, a dot in the domain, at least two characters after its last dot, no whitespace.</summary>
    public static bool IsWellFormed(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Length > MaxLength)
        {
            return false;
        }

        try
        {
            return Shape().IsMatch(address);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The form in which the CRM stores and compares addresses: trimmed and lower-cased, as the contract
    /// compares them case-insensitively ("  Anna@Example.COM " is anna@example.com).
    /// </summary>
    public static string Canonical(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().ToLowerInvariant();
    }

    // Without backtracking, so linear in the text; the timeout is only the backstop for text from outside
    // (chat messages, request bodies), the same bound the bot puts on every pattern that reads customer text.
    [GeneratedRegex(@"^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$", RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 200)]
    private static partial Regex Shape();
}
