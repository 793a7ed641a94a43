using System.Net;
using System.Text.RegularExpressions;
using IqosBot.Bot.Tests.DirectLine;
using IqosBot.Bot.Tests.Hosting;

namespace IqosBot.Bot.Tests.Handoff;

/// <summary>The agent console's own JSON bodies byte for byte, as console.js reads them (CONTRACT.md).</summary>
public sealed class AgentApiShapeTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public AgentApiShapeTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task Me_agents_and_the_queue_have_their_exact_shape()
    {
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        var me = await anna.GetAsync("/agent/api/me");
        var agents = await anna.GetAsync("/agent/api/agents");
        var queue = await anna.GetAsync("/agent/api/queue");
        var callbacks = await anna.GetAsync("/agent/api/callbacks");

        Assert.Matches(new Regex("^\\{\"userName\":\"anna\",\"displayName\":\"Anna\",\"csrfToken\":\"[^\"]+\",\"isLead\":false\\}$"), me.Body);
        Assert.Equal("[{\"userName\":\"bertil\",\"displayName\":\"Bertil\",\"online\":false}]", agents.Body);
        Assert.Matches(new Regex("^\\{\"waiting\":\\[\\],\"waitingTotal\":0,\"mine\":\\[\\],\"estimatedMinutesPerCustomer\":\\d+(\\.\\d)?\\}$"), queue.Body);
        Assert.Equal("[]", callbacks.Body);
    }

    [Fact]
    public async Task Refusals_have_their_exact_shape()
    {
        var anna = await AgentBrowser.SignedInAsync(_host, Agents.Anna);

        var empty = await anna.PostAsync("/agent/api/cases/no-such-case/messages", new { text = " " });
        var noNote = await anna.PostAsync("/agent/api/cases/no-such-case/close", new { note = "" });
        var stranger = await anna.PostAsync("/agent/api/cases/no-such-case/transfer", new { to = "nobody" });
        var noCsrf = await anna.PostAsync("/agent/api/cases/no-such-case/accept", withCsrf: false);
        var unknown = await anna.GetAsync("/agent/api/cases/no-such-case");
        var unknownCallback = await anna.PostAsync("/agent/api/callbacks/no-such-ticket/done");

        Assert.Equal((HttpStatusCode.BadRequest, "{\"error\":\"The message must have 1–2000 characters.\"}"), empty);
        Assert.Equal((HttpStatusCode.BadRequest, "{\"error\":\"A resolution note of 1–1000 characters is required.\"}"), noNote);
        Assert.Equal((HttpStatusCode.BadRequest, "{\"error\":\"Unknown agent.\"}"), stranger);
        Assert.Equal((HttpStatusCode.BadRequest, "{\"error\":\"Missing or invalid CSRF token.\"}"), noCsrf);
        Assert.Equal((HttpStatusCode.NotFound, ""), unknown);
        Assert.Equal((HttpStatusCode.NotFound, ""), unknownCallback);
    }

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
