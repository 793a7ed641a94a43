using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace IqosBot.Authentication;

/// <summary>A cached ConnectorClient handed to every turn; the turn's Dispose must not close it for the next one.</summary>
internal sealed class SharedConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public Uri BaseUri
    {
        get => inner.BaseUri;
        set => inner.BaseUri = value;
    }

    public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;

    public ServiceClientCredentials Credentials => inner.Credentials;

    public IAttachments Attachments => inner.Attachments;

    public IConversations Conversations => inner.Conversations;

    /// <summary>Ignored: the cache owns the client.</summary>
    public void Dispose()
    {
    }

    public void DisposeInner() => inner.Dispose();
}
