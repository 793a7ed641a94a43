using IqosBot.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.Hostile;

/// <summary>
/// The requests that once ended the whole process (an activity nested 100,000 levels deep), sent to the bot
/// running as a child process on loopback: a crash fails this test instead of the test runner, and the bot
/// must still be running and answer the next customer afterwards.
/// </summary>
public sealed class ChildProcessCrashTests : IDisposable
{
    private const string Secret = "child-process-secret-0123456789abcdef";

    private readonly TempDatabase _database = new();
    private Process? _bot;

    [Fact]
    public async Task Deeply_nested_activities_do_not_end_the_bot_process()
    {
        var baseUrl = await StartBotAsync();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var deep = new StringBuilder("""{"type":"message","text":"hej","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/","deliveryMode":"expectReplies","conversation":{"id":"deep"},"from":{"id":"u"},"recipient":{"id":"b"},"channelData":""")
            .Append('[', 100_000).Append(']', 100_000).Append('}').ToString();

        var viaMessages = await http.PostAsync("/api/messages", new StringContent(deep, Encoding.UTF8, "application/json"));

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        var conversation = JObject.Parse(await (await http.SendAsync(start)).Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Value<string>("conversationId")}/activities")
        {
            Content = new StringContent(deep, Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Value<string>("token"));
        var viaDirectLine = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, viaMessages.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, viaDirectLine.StatusCode);
        Assert.False(_bot!.HasExited, "The bot process ended.");
        var hej = """{"type":"message","text":"hej","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/","deliveryMode":"expectReplies","conversation":{"id":"after"},"from":{"id":"u"},"recipient":{"id":"b"},"locale":"sv-SE"}""";
        var answer = await http.PostAsync("/api/messages", new StringContent(hej, Encoding.UTF8, "application/json"));
        Assert.Contains("hjälpa", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Starts the bot as built for the tests (Development, embedded defaults) on a free loopback port and waits until it answers.</summary>
    private async Task<string> StartBotAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "IqosBot.sln")))
        {
            root = root.Parent ?? throw new DirectoryNotFoundException("IqosBot.sln");
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "IqosBot.Bot.dll");
        var port = LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}";
        _bot = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll, "--contentRoot", Path.Combine(root.FullName, "Bot"), "--environment", "Development", "--urls", url,
                "--Storage:Path=" + _database.Path, "--Benefits:Sandbox:DatabasePath=" + Path.Combine(_database.Directory, "sandbox.db"),
                "--DirectLine:Secret=" + Secret, "--Logging:LogLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _bot.OutputDataReceived += (_, _) => { };
        _bot.ErrorDataReceived += (_, _) => { };
        _bot.BeginOutputReadLine();
        _bot.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_bot.HasExited)
        {
            try
            {
                if ((await probe.GetAsync(url + "/healthz")).IsSuccessStatusCode)
                {
                    return url;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("The bot did not start as a child process.");
    }

    public void Dispose()
    {
        if (_bot is { HasExited: false })
        {
            _bot.Kill(entireProcessTree: true);
            _bot.WaitForExit(10_000);
        }

        _bot?.Dispose();
        _database.Dispose();
    }
}
