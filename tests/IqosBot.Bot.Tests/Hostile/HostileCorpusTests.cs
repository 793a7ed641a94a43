using System.Net;
using System.Net.Http.Headers;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.Hostile;

/// <summary>
/// Every hostile body of <see cref="HostileBodies"/> sent to every public endpoint — /api/messages, the page's
/// token endpoint, Direct Line (tokens, conversations, activities, uploads), the agent console (sign-in and
/// API) and the benefits sandbox — gets a 4xx or an ordinary answer, never a 5xx; afterwards the bot still
/// answers an ordinary "hej" over /api/messages and Direct Line.
/// </summary>
public sealed class HostileCorpusTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public HostileCorpusTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task No_hostile_request_gets_a_server_error_and_the_bot_answers_the_next_customer()
    {
        using var http = _host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var client = new DirectLineClient(_host.CreateClient());
        var started = (await client.StartAsync(DirectLineHost.Secret)).Json;
        var conversationId = started.Value<string>("conversationId")!;
        var token = started.Value<string>("token")!;
        var endpoints = new (string Path, string? Bearer, string? ApiKey, string ContentType)[]
        {
            ("/api/messages", null, null, "application/json"),
            ("/api/webchat/token", null, null, "application/json"),
            ("/v3/directline/tokens/generate", DirectLineHost.Secret, null, "application/json"),
            ("/v3/directline/conversations", DirectLineHost.Secret, null, "application/json"),
            ($"/v3/directline/conversations/{conversationId}/activities", token, null, "application/json"),
            ($"/v3/directline/conversations/{conversationId}/upload", token, null, "multipart/form-data; boundary=x"),
            ("/agent/login", null, null, "application/x-www-form-urlencoded"),
            ("/agent/api/cases/C-1/messages", null, null, "application/json"),
            ("/sandbox/benefits/v1/registrations", null, "local-sandbox-key", "application/json"),
            ("/sandbox/benefits/v1/devices/check", null, "local-sandbox-key", "application/json"),
        };

        var failures = new List<string>();
        var cases = 0;
        foreach (var (path, bearer, apiKey, contentType) in endpoints)
        {
            foreach (var (name, body) in HostileBodies.All)
            {
                cases++;
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                if (bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                if (apiKey is not null)
                {
                    request.Headers.Add("X-Api-Key", apiKey);
                }

                try
                {
                    using var response = await http.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{path} ← {name}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    failures.Add($"{path} ← {name}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        Assert.True(cases >= 200, $"Only {cases} hostile requests.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Contains((await new EmulatorClient(_host.CreateClient()).SendTextAsync("hej")).Texts, text => text.Contains("hjälpa", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.PostTextAsync(conversationId, token, "hej", "after-corpus")).Status);
        await client.PollAsync(conversationId, token, activities => activities.Any(activity => (string?)activity["replyToId"] is not null && ((string?)activity["text"])?.Contains("hjälpa", StringComparison.Ordinal) == true));
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
