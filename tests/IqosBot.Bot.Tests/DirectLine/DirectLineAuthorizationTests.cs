using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The one check in front of every Direct Line route: no credential is a 401, a token for another
/// conversation a 403, an unknown conversation a 404, and the conversation's own token gets through.
/// </summary>
public sealed class DirectLineAuthorizationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;
    private readonly DirectLineClient _client;

    public DirectLineAuthorizationTests()
    {
        _host = new DirectLineHost(_database.Path);
        _client = new DirectLineClient(_host.CreateClient());
    }

    /// <summary>The routes of one conversation; {0} is its id.</summary>
    private static readonly (HttpMethod Method, string Path)[] ConversationRoutes =
    [
        (HttpMethod.Get, "/conversations/{0}"),
        (HttpMethod.Get, "/conversations/{0}/activities"),
        (HttpMethod.Post, "/conversations/{0}/activities"),
        (HttpMethod.Post, "/conversations/{0}/upload"),
        (HttpMethod.Get, "/conversations/{0}/stream"),
    ];

    /// <summary>Every route with its method; {0} is the conversation, if any.</summary>
    private static readonly (HttpMethod Method, string Path)[] Routes =
    [
        (HttpMethod.Post, "/tokens/generate"),
        (HttpMethod.Post, "/tokens/refresh"),
        (HttpMethod.Post, "/conversations"),
        (HttpMethod.Get, "/session/getsessionid"),
        .. ConversationRoutes,
    ];

    [Fact]
    public async Task Without_a_credential_every_route_is_401()
    {
        var (conversationId, _) = await StartAsync();

        foreach (var (method, path) in Routes)
        {
            var response = await SendAsync(method, string.Format(CultureInfo.InvariantCulture, path, conversationId), bearer: null);

            Assert.True(response.Status == HttpStatusCode.Unauthorized, $"{method} {path}: {response.Status}");
            Assert.Equal("MissingToken", response.Json["error"]!.Value<string>("code"));
        }
    }

    [Fact]
    public async Task A_token_for_another_conversation_is_403_on_every_conversation_route_by_header_and_in_the_stream_url()
    {
        var (conversationId, _) = await StartAsync();
        var (_, otherToken) = await StartAsync();

        foreach (var (method, path) in ConversationRoutes)
        {
            var response = await SendAsync(method, string.Format(CultureInfo.InvariantCulture, path, conversationId), otherToken);

            Assert.True(response.Status == HttpStatusCode.Forbidden, $"{method} {path}: {response.Status}");
            Assert.Equal("The token is for another conversation.", response.Json["error"]!.Value<string>("message"));
        }

        var inUrl = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/stream?t={otherToken}", bearer: null);
        Assert.Equal(HttpStatusCode.Forbidden, inUrl.Status);
    }

    [Fact]
    public async Task A_conversation_that_does_not_exist_is_404_on_every_conversation_route()
    {
        foreach (var (method, path) in ConversationRoutes)
        {
            var response = await SendAsync(method, string.Format(CultureInfo.InvariantCulture, path, "no-such-conversation"), DirectLineHost.Secret);

            Assert.True(response.Status == HttpStatusCode.NotFound, $"{method} {path}: {response.Status}");
            Assert.Equal("NotFound", response.Json["error"]!.Value<string>("code"));
        }
    }

    [Fact]
    public async Task The_conversations_own_token_gets_through_to_every_conversation_route()
    {
        var (conversationId, token) = await StartAsync();

        var reconnected = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}", token);
        var read = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        var posted = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("hej", "auth-1"));
        var uploaded = await UploadAsync(conversationId, token);

        // The stream's token is in its URL; over plain HTTP it gets as far as asking for a WebSocket.
        var stream = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/stream?t={token}", bearer: null);

        Assert.Equal(HttpStatusCode.OK, reconnected.Status);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(HttpStatusCode.OK, uploaded.Status);
        Assert.Equal(HttpStatusCode.BadRequest, stream.Status);
        Assert.Equal("This is the Direct Line stream: connect with a WebSocket.", stream.Json["error"]!.Value<string>("message"));
    }

    [Fact]
    public async Task Only_the_stream_takes_its_token_from_the_url()
    {
        var (conversationId, token) = await StartAsync();

        var activities = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?t={token}", bearer: null);

        Assert.Equal(HttpStatusCode.Unauthorized, activities.Status);
    }

    private async Task<(string ConversationId, string Token)> StartAsync()
    {
        var started = (await _client.StartAsync(DirectLineHost.Secret)).Json;
        return (started.Value<string>("conversationId")!, started.Value<string>("token")!);
    }

    private Task<DirectLineResponse> SendAsync(HttpMethod method, string path, string? bearer, JObject? body = null)
        => _client.SendAsync(method, path, bearer, body);

    private async Task<DirectLineResponse> UploadAsync(string conversationId, string token)
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent(DirectLineClient.Message("fil", "auth-upload").ToString(), Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("x"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "a.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{conversationId}/upload") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.Http.SendAsync(request);
        return new DirectLineResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
