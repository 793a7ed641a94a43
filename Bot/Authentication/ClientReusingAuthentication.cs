using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace IqosBot.Authentication;

/// <summary>
/// Wraps the SDK's authentication so the per-turn ConnectorClient and UserTokenClient are built once
/// and reused. CloudAdapter asks for both on every turn and disposes them at its end; building them
/// (reflection and a new Regex in ServiceClient) cost about a third of a turn's CPU here (profiled).
/// The older BotFrameworkAdapter cached connector clients the same way. The clients are thread-safe
/// (one HttpClient each) and their credentials renew their own tokens. The caches are bounded, since
/// without an app id anyone can name a serviceUrl; past the bound, clients are built per turn as before.
/// </summary>
public sealed class ClientReusingAuthentication : BotFrameworkAuthentication, IDisposable
{
    private const int MaxCachedClients = 256;

    private readonly BotFrameworkAuthentication _inner;
    private readonly ConcurrentDictionary<string, SharedConnectorClient> _connectors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SharedUserTokenClient> _tokenClients = new(StringComparer.Ordinal);

    public ClientReusingAuthentication(BotFrameworkAuthentication inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        result.ConnectorFactory = new ReusingConnectorFactory(result.ConnectorFactory, IdentityKey(result.ClaimsIdentity), this);
        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        => new ReusingConnectorFactory(_inner.CreateConnectorFactory(claimsIdentity), IdentityKey(claimsIdentity), this);

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var key = IdentityKey(claimsIdentity);
        if (_tokenClients.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = await _inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken).ConfigureAwait(false);
        if (_tokenClients.Count >= MaxCachedClients)
        {
            return created;
        }

        var shared = new SharedUserTokenClient(created);
        var winner = _tokenClients.GetOrAdd(key, shared);
        if (!ReferenceEquals(winner, shared))
        {
            shared.DisposeInner();
        }

        return winner;
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public void Dispose()
    {
        foreach (var client in _connectors.Values)
        {
            client.DisposeInner();
        }

        foreach (var client in _tokenClients.Values)
        {
            client.DisposeInner();
        }

        _connectors.Clear();
        _tokenClients.Clear();
    }

    /// <summary>Clients are specific to the bot identity the channel authenticated as.</summary>
    private static string IdentityKey(ClaimsIdentity? identity)
        => string.Join(';', (identity?.Claims ?? [])
            .Where(claim => claim.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim
                or AuthenticationConstants.AuthorizedParty or AuthenticationConstants.VersionClaim)
            .Select(claim => claim.Type + "=" + claim.Value));

    private async Task<IConnectorClient> ConnectorAsync(ConnectorFactory inner, string identityKey, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = $"{identityKey}|{audience}|{serviceUrl}";
        if (_connectors.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (_connectors.Count >= MaxCachedClients)
        {
            return created;
        }

        var shared = new SharedConnectorClient(created);
        var winner = _connectors.GetOrAdd(key, shared);
        if (!ReferenceEquals(winner, shared))
        {
            shared.DisposeInner();
        }

        return winner;
    }

    private sealed class ReusingConnectorFactory(ConnectorFactory inner, string identityKey, ClientReusingAuthentication owner) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            => owner.ConnectorAsync(inner, identityKey, serviceUrl, audience, cancellationToken);
    }
}
