namespace IqosBot.Bot.Tests.Sandbox;

/// <summary>No e-mail address or serial reaches the logs, at any level, whatever the request's outcome.</summary>
public sealed class SandboxPrivacyTests : SandboxTest
{
    [Fact]
    public async Task Logs_carry_redacted_tokens_never_addresses_or_serials()
    {
        await Host.RegisterAsync(SandboxHost.Registration("ilp1-a2b3-c4d5", "Private.Person@example.com", "2025-06-01"), "p1");
        await Host.RegisterAsync(SandboxHost.Registration("ilp1-a2b3-c4d5", "Private.Person@example.com", "2025-06-01"), "p1");
        await Host.RegisterAsync(SandboxHost.Registration("ILU9Z8Y7X6W5", "Private.Person@example.com", "2025-06-01"));
        await Host.RegisterAsync(SandboxHost.Registration("QQQ111222333", "Private.Person@example.com", "2025-06-01"));
        await Host.RegisterAsync(SandboxHost.Registration("ILO7G6H5J4K3", "Private.Person@example.com", "2099-06-01"));
        await Host.LookupAsync("ILU2M3N4P5Q6", "demo@example.com");
        await Host.LookupAsync("ILU2M3N4P5Q6", "Private.Person@example.com");

        var log = string.Join('\n', Host.Logs.Lines);

        Assert.Contains("registered to a new account", log, StringComparison.Ordinal);

        // The same customer is the same token within a run (the redactor's HMAC), so their requests can be followed.
        var registrations = Host.Logs.Lines.Where(line => line.Contains("registration of device", StringComparison.Ordinal)).ToList();
        var first = Tokens(registrations[0]);
        var retried = Tokens(registrations[1]);
        Assert.Equal(first, retried);
        Assert.NotEqual(first.Serial, Tokens(registrations[2]).Serial);
        Assert.Equal(first.Email, Tokens(registrations[2]).Email);
        Assert.DoesNotContain("@", log, StringComparison.Ordinal);
        foreach (var secret in new[] { "private.person", "ILP1A2B3C4D5", "ILP1-A2B3", "ILU9Z8Y7X6W5", "QQQ111222333", "ILO7G6H5J4K3", "ILU2M3N4P5Q6" })
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The redacted serial and e-mail of a line "… registration of device X for account Y: …".</summary>
    private static (string Serial, string Email) Tokens(string line)
    {
        var device = line.IndexOf("of device ", StringComparison.Ordinal) + "of device ".Length;
        var account = line.IndexOf(" for account ", device, StringComparison.Ordinal);
        var colon = line.IndexOf(':', account);
        return (line[device..account], line[(account + " for account ".Length)..colon]);
    }
}
