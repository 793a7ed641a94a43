using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The Direct Line bodies byte for byte, as DirectLineJS has always been given them: the property names
/// (<c>expires_in</c> in snake case), their order, nothing escaped that Newtonsoft did not escape (the
/// <c>&amp;</c> of a stream URL, the quote and ellipsis of an error message), and the JSON content type.
/// </summary>
public sealed class DirectLineWireFormatTests : IDisposable
{
    private const string Hex32 = "[0-9a-f]{32}";
    private const string Jwt = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;
    private readonly DirectLineClient _client;

    public DirectLineWireFormatTests()
    {
        _host = new DirectLineHost(_database.Path);
        _client = new DirectLineClient(_host.CreateClient());
    }

    [Fact]
    public async Task Tokens_conversations_and_posted_activities_have_their_exact_shape()
    {
        var generated = await SendAsync(HttpMethod.Post, "/tokens/generate", DirectLineHost.Secret);
        var token = JObject.Parse(generated.Body).Value<string>("token")!;
        var refreshed = await SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        var started = await SendAsync(HttpMethod.Post, "/conversations", token, """{"locale":"sv-SE"}""");
        var conversationId = JObject.Parse(started.Body).Value<string>("conversationId")!;
        var again = await SendAsync(HttpMethod.Post, "/conversations", token, """{"locale":"sv-SE"}""");
        var reconnected = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=2", token);
        var posted = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, DirectLineClient.Message("hej", "wire-1").ToString());
        var activities = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        var session = await SendAsync(HttpMethod.Get, "/session/getsessionid", token);

        AssertJson(generated, HttpStatusCode.OK, $"^\\{{\"conversationId\":\"{Hex32}\",\"token\":\"{Jwt}\",\"expires_in\":1800\\}}$");
        AssertJson(refreshed, HttpStatusCode.OK, $"^\\{{\"conversationId\":\"{Hex32}\",\"token\":\"{Jwt}\",\"expires_in\":1800\\}}$");
        var conversation = $"^\\{{\"conversationId\":\"{conversationId}\",\"token\":\"{Jwt}\",\"expires_in\":1800,"
            + $"\"streamUrl\":\"ws://localhost/v3/directline/conversations/{conversationId}/stream\\?t={Jwt}";
        AssertJson(started, HttpStatusCode.Created, conversation + "\"\\}$");
        AssertJson(again, HttpStatusCode.OK, conversation + "\"\\}$");
        AssertJson(reconnected, HttpStatusCode.OK, conversation + "&watermark=2\"\\}$");
        AssertJson(posted, HttpStatusCode.OK, $"^\\{{\"id\":\"{conversationId}\\|\\d{{7}}\"\\}}$");
        AssertJson(activities, HttpStatusCode.OK, "^\\{\"activities\":\\[\\{.*\\}\\],\"watermark\":\"\\d+\"\\}$");
        AssertJson(session, HttpStatusCode.OK, "^\\{\"sessionId\":\"\"\\}$");
    }

    [Fact]
    public async Task Errors_have_their_exact_shape()
    {
        var started = JObject.Parse((await SendAsync(HttpMethod.Post, "/conversations", DirectLineHost.Secret, "{}")).Body);
        var conversationId = started.Value<string>("conversationId")!;
        var other = JObject.Parse((await SendAsync(HttpMethod.Post, "/conversations", DirectLineHost.Secret, "{}")).Body).Value<string>("token")!;

        var missing = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", null);
        var bad = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", "garbage");
        var foreign = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", other);
        var unknown = await SendAsync(HttpMethod.Get, "/conversations/no-such-conversation/activities", DirectLineHost.Secret);
        var generatedWithToken = await SendAsync(HttpMethod.Post, "/tokens/generate", other);
        var refreshedWithSecret = await SendAsync(HttpMethod.Post, "/tokens/refresh", DirectLineHost.Secret);
        var untyped = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", DirectLineHost.Secret, """{"text":"hej"}""");
        var notJson = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", DirectLineHost.Secret, "{");

        AssertError(missing, HttpStatusCode.Unauthorized, "MissingToken", "Send the Direct Line secret or a token as 'Authorization: Bearer …'.");
        AssertError(bad, HttpStatusCode.Forbidden, "BadToken", "The secret or token is not valid.");
        AssertError(foreign, HttpStatusCode.Forbidden, "BadToken", "The token is for another conversation.");
        AssertError(unknown, HttpStatusCode.NotFound, "NotFound", "The conversation does not exist or has ended.");
        AssertError(generatedWithToken, HttpStatusCode.Forbidden, "BadArgument", "Tokens are generated with the Direct Line secret, not with a token.");
        AssertError(refreshedWithSecret, HttpStatusCode.Forbidden, "BadArgument", "Only a token can be refreshed.");
        AssertError(untyped, HttpStatusCode.BadRequest, "BadArgument", "The activity has no type.");
        AssertError(notJson, HttpStatusCode.BadRequest, "BadArgument", "The body is not a valid activity.");
    }

    private static void AssertJson(RawResponse response, HttpStatusCode status, string pattern)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Matches(new Regex(pattern, RegexOptions.Singleline), response.Body);
    }

    /// <summary>Written out as Newtonsoft wrote it: the quote and the ellipsis as they are, not as \u0027 and \u2026.</summary>
    private static void AssertError(RawResponse response, HttpStatusCode status, string code, string message)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal($"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{message}\"}}}}", response.Body);
    }

    private async Task<RawResponse> SendAsync(HttpMethod method, string path, string? bearer, string? body = null)
    {
        using var request = new HttpRequestMessage(method, DirectLineClient.Prefix + path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await _client.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), Encoding.UTF8.GetString(bytes));
    }

    private sealed record RawResponse(HttpStatusCode Status, string? ContentType, string Body);

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
