using IqosBot.Handoff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IqosBot.AgentConsole;

/// <summary>The configured agent accounts: password checks, and who a case can be transferred to.</summary>
public sealed class AgentDirectory
{
    private readonly IOptionsMonitor<AgentConsoleOptions> _options;
    private readonly IPasswordHasher<AgentAccount> _hasher;
    private readonly IAgentPresenceTracker _presence;

    public AgentDirectory(IOptionsMonitor<AgentConsoleOptions> options, IPasswordHasher<AgentAccount> hasher, IAgentPresenceTracker presence)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _presence = presence ?? throw new ArgumentNullException(nameof(presence));
    }

    /// <summary>The account when the password is right; null otherwise (unknown names cost the same hashing time).</summary>
    public AgentAccount? Verify(string? userName, string? password)
    {
        var account = _options.CurrentValue.Accounts.FirstOrDefault(candidate => string.Equals(candidate.UserName, userName?.Trim(), StringComparison.OrdinalIgnoreCase));
        var probe = account ?? Dummy;
        var result = _hasher.VerifyHashedPassword(probe, probe.PasswordHash, password ?? string.Empty);
        return account is not null && result != PasswordVerificationResult.Failed ? account : null;
    }

    /// <summary>Everyone a case may go to: the configured accounts and anyone signed in through OpenID Connect.</summary>
    public async Task<IReadOnlyList<(AgentIdentity Agent, bool Online)>> AllAsync(CancellationToken cancellationToken)
    {
        var configured = _options.CurrentValue.Accounts.Select(account => new AgentIdentity(account.UserName, account.DisplayName));
        var online = await _presence.OnlineAsync(cancellationToken).ConfigureAwait(false);
        var onlineNames = online.Select(agent => agent.UserName).ToHashSet(StringComparer.Ordinal);
        return [.. configured.Concat(online)
            .DistinctBy(agent => agent.UserName, StringComparer.Ordinal)
            .Select(agent => (agent, onlineNames.Contains(agent.UserName)))];
    }

    public async Task<AgentIdentity?> FindAsync(string userName, CancellationToken cancellationToken)
        => (await AllAsync(cancellationToken).ConfigureAwait(false)).Select(entry => entry.Agent).FirstOrDefault(agent => agent.UserName == userName);

    /// <summary>A valid hash of a random password, so a wrong user name takes as long to refuse as a wrong password.</summary>
    private static readonly AgentAccount Dummy = new()
    {
        UserName = string.Empty,
        PasswordHash = new PasswordHasher<AgentAccount>().HashPassword(new AgentAccount(), Guid.NewGuid().ToString()),
    };
}
