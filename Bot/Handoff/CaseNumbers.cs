using System.Security.Cryptography;

namespace IqosBot.Handoff;

/// <summary>Case and ticket numbers a person can read out on the phone: a prefix and eight characters without look-alikes (no 0/O, 1/I).</summary>
public static class CaseNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(string prefix)
        => prefix + "-" + RandomNumberGenerator.GetString(Alphabet, 8);
}
