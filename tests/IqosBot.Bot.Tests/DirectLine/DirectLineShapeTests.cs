using System.Net;
using System.Text;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// Attachments that are null, lack a content type or come by the thousand get a 400; an upload with more
/// files than one message carries gets a 400, and one larger as a whole than its files may be a 413. The
/// conversation goes on afterwards.
/// </summary>
public sealed class DirectLineShapeTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;
    private readonly DirectLineClient _client;

    public DirectLineShapeTests()
    {
        _host = new DirectLineHost(_database.Path);
        _client = new DirectLineClient(_host.CreateClient());
    }

    public static TheoryData<string> BadAttachments() =>
    [
        "[null]",
        """[{"name":"no-type.txt"}]""",
        """[{"contentType":""}]""",
        "[" + string.Join(',', Enumerable.Repeat("""{"contentType":"text/plain","content":"x"}""", 1000)) + "]",
    ];

    [Theory]
    [MemberData(nameof(BadAttachments))]
    public async Task Attachments_of_the_wrong_shape_are_a_400_and_the_conversation_goes_on(string attachments)
    {
        var (conversationId, token) = await StartAsync();
        var activity = DirectLineClient.Message("med bilaga", "bad-1");
        activity["attachments"] = JToken.Parse(attachments);

        var refused = await _client.PostActivityAsync(conversationId, token, activity);
        var ok = await _client.PostTextAsync(conversationId, token, "hej", "after-1");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("BadArgument", refused.Json["error"]!.Value<string>("code"));
        Assert.Equal(HttpStatusCode.OK, ok.Status);
    }

    [Fact]
    public async Task An_upload_with_more_files_than_a_message_carries_is_a_400()
    {
        var (conversationId, token) = await StartAsync();
        using var form = Upload(Enumerable.Range(0, 5).Select(i => ("file-" + i + ".txt", Encoding.UTF8.GetBytes("x"))));

        var response = await PostUploadAsync(conversationId, token, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_larger_as_a_whole_than_its_files_may_be_is_a_413()
    {
        var (conversationId, token) = await StartAsync();

        // Four files of the maximum size fit; the fields beside them may not fill the rest.
        using var form = Upload([("a.bin", new byte[256 * 1024])]);
        form.Add(new StringContent(new string('x', 2 * 1024 * 1024)), "padding");
        var response = await PostUploadAsync(conversationId, token, form);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{response.StatusCode}");
    }

    private async Task<(string ConversationId, string Token)> StartAsync()
    {
        var started = (await _client.StartAsync(DirectLineHost.Secret)).Json;
        return (started.Value<string>("conversationId")!, started.Value<string>("token")!);
    }

    private static MultipartFormDataContent Upload(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        var form = new MultipartFormDataContent();
        var activity = new StringContent(DirectLineClient.Message("filer", "upload-1").ToString(), Encoding.UTF8);
        activity.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return form;
    }

    private async Task<HttpResponseMessage> PostUploadAsync(string conversationId, string token, MultipartFormDataContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=x") { Content = form };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await _client.Http.SendAsync(request);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
