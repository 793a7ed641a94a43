using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IqosBot.Bot.Tests.Handoff;
using IqosBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// A personal identity or card number typed by mistake on the web page, or put anywhere else in what the page
/// sends (value, channelData, attachment names and content, uploaded text files): refused by the bot, never
/// shown back and kept nowhere on disk (issue #15).
/// </summary>
public sealed partial class DirectLinePrivacyTests : IDisposable
{
    /// <summary>Luhn-valid: 8112189876 sums to 50.</summary>
    private const string PersonalNumber = "19811218-9876";

    /// <summary>Visa's test number, Luhn-valid.</summary>
    private const string CardNumber = "4111 1111 1111 1111";

    private const string Removed = "[•••]";

    /// <summary>Every way the two numbers are written in these tests, and their shortest forms.</summary>
    private static readonly string[] Forms = ["811218-9876", "8112189876", "4111 1111 1111 1111", "4111111111111111", "4111-1111-1111-1111"];

    private readonly TempDatabase _database = new();
    private readonly DirectLineHost _host;

    public DirectLinePrivacyTests()
    {
        _host = Agents.Host(_database.Path);
    }

    [Fact]
    public async Task A_personal_identity_number_is_refused_and_neither_shown_back_nor_stored_in_the_log()
    {
        var customer = await Customer.StartAsync(_host);
        await customer.SayAndWaitAsync("jag vill registrera min enhet", "serienummer");

        var replies = await customer.SayAndWaitAsync("19900101-1239", "personnummer");

        Assert.Contains(replies, text => text.StartsWith("Det där ser ut som ett personnummer eller kortnummer.", StringComparison.Ordinal));
        var log = await customer.ActivitiesAsync();
        Assert.DoesNotContain(log, activity => activity.ToString().Contains("19900101", StringComparison.Ordinal));
        Assert.Contains(log, activity => (string?)activity["text"] == Removed);

        _host.Dispose();
        Assert.DoesNotContain("19900101", await _database.AllStoredTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_in_value_channel_data_attachments_speak_and_summary_are_removed_and_the_rest_is_kept()
    {
        var customer = await Customer.StartAsync(_host);
        var message = DirectLineClient.Message($"mitt personnummer är {PersonalNumber}", "privacy-message");
        message["speak"] = $"kort {CardNumber}";
        message["summary"] = $"pnr {PersonalNumber}";
        message["value"] = new JObject
        {
            ["order"] = new JObject { ["serial"] = "ABCD1234EFGH", ["quantity"] = 2, ["phone"] = "070-123 45 67" },
            ["customer"] = new JObject
            {
                ["ids"] = new JArray($"pnr {PersonalNumber}", new JObject { ["card"] = CardNumber.Replace(' ', '-') }),
                ["personnummer"] = 198112189876,
                ["kort"] = 4111111111111111,
            },
        };
        message["channelData"]!["note"] = $"kund {PersonalNumber}";
        message["channelData"]![PersonalNumber] = true;
        message["attachments"] = new JArray(new JObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["name"] = $"kort {CardNumber}.json",
            ["content"] = new JObject { ["type"] = "AdaptiveCard", ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = CardNumber }) },
        });
        var form = new JObject
        {
            ["type"] = "event",
            ["name"] = "iqos/form",
            ["value"] = new JObject { ["kort"] = CardNumber, ["land"] = "SE" },
            ["channelData"] = new JObject { ["clientActivityID"] = "privacy-event", ["pnr"] = PersonalNumber },
        };

        Assert.Equal(HttpStatusCode.OK, (await customer.Client.PostActivityAsync(customer.ConversationId, customer.Token, message)).Status);
        Assert.Equal(HttpStatusCode.OK, (await customer.Client.PostActivityAsync(customer.ConversationId, customer.Token, form)).Status);
        var replies = await customer.WaitForBotAsync("personnummer");

        Assert.Contains(replies, text => text.StartsWith("Det där ser ut som ett personnummer eller kortnummer.", StringComparison.Ordinal));
        var log = await customer.ActivitiesAsync();
        AssertNoNumber(string.Join('\n', log));
        var echo = Echo(log, "privacy-message");
        Assert.Equal($"mitt personnummer är {Removed}", echo.Value<string>("text"));
        Assert.Equal($"kort {Removed}", echo.Value<string>("speak"));
        Assert.Equal($"pnr {Removed}", echo.Value<string>("summary"));
        var value = (JObject)echo["value"]!;
        Assert.True(JToken.DeepEquals(new JObject { ["serial"] = "ABCD1234EFGH", ["quantity"] = 2, ["phone"] = "070-123 45 67" }, value["order"]));
        Assert.Equal($"pnr {Removed}", value["customer"]!["ids"]![0]!.Value<string>());
        Assert.Equal(Removed, value["customer"]!["ids"]![1]!.Value<string>("card"));
        Assert.Equal(Removed, value["customer"]!.Value<string>("personnummer"));
        Assert.Equal(Removed, value["customer"]!.Value<string>("kort"));
        Assert.Equal("privacy-message", echo["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal($"kund {Removed}", echo["channelData"]!.Value<string>("note"));
        Assert.True(echo["channelData"]!.Value<bool>(Removed));
        var attachment = (JObject)echo["attachments"]!.Single();
        Assert.Equal($"kort {Removed}.json", attachment.Value<string>("name"));
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.Value<string>("contentType"));
        Assert.Equal(Removed, attachment["content"]!["body"]![0]!.Value<string>("text"));
        Assert.StartsWith(customer.ConversationId + "|", echo.Value<string>("id"), StringComparison.Ordinal);
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
        Assert.NotNull(echo["timestamp"]);
        var formEcho = Echo(log, "privacy-event");
        Assert.Equal("iqos/form", formEcho.Value<string>("name"));
        Assert.True(JToken.DeepEquals(new JObject { ["kort"] = Removed, ["land"] = "SE" }, formEcho["value"]));
        Assert.Equal(Removed, formEcho["channelData"]!.Value<string>("pnr"));

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_text_upload_is_kept_without_the_numbers_and_a_photo_is_kept_as_sent_under_a_cleaned_name()
    {
        var customer = await Customer.StartAsync(_host);
        var receipt = $"Kvitto\nPersonnummer: {PersonalNumber}\nKort: {CardNumber}\nSerienummer: ABCD1234EFGH\n";
        byte[] photo = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0x10, 0x80];
        var activity = DirectLineClient.Message("här är kvittot", "privacy-upload");
        using var upload = new MultipartFormDataContent();
        var activityPart = new StringContent(activity.ToString(), Encoding.UTF8);
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        upload.Add(activityPart, "activity", "blob");
        upload.Add(File(Encoding.UTF8.GetBytes(receipt), "text/plain"), "file", "kvitto.txt");
        upload.Add(File(Encoding.UTF8.GetBytes($"namn;personnummer\nKund;{PersonalNumber.Replace("-", "", StringComparison.Ordinal)}\n"), "application/octet-stream"), "file", "kunder.csv");
        upload.Add(File(photo, "image/png"), "file", $"{PersonalNumber}.png");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{customer.ConversationId}/upload?userId=x") { Content = upload };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
        using var response = await customer.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = await customer.Client.PollAsync(customer.ConversationId, customer.Token, list => list.Any(item => item["channelData"]?.Value<string>("clientActivityID") == "privacy-upload"));
        var attachments = Echo(log, "privacy-upload")["attachments"]!.Cast<JObject>().ToList();
        Assert.Equal(3, attachments.Count);
        Assert.Equal(["kvitto.txt", "kunder.csv", $"{Removed}.png"], attachments.Select(attachment => attachment.Value<string>("name")));
        Assert.Equal(
            $"Kvitto\nPersonnummer: {Removed}\nKort: {Removed}\nSerienummer: ABCD1234EFGH\n",
            Encoding.UTF8.GetString(DataUrlBytes(attachments[0].Value<string>("contentUrl")!, "data:text/plain;base64,")));
        Assert.Equal($"namn;personnummer\nKund;{Removed}\n", Encoding.UTF8.GetString(DataUrlBytes(attachments[1].Value<string>("contentUrl")!, "data:application/octet-stream;base64,")));
        Assert.Equal(photo, DataUrlBytes(attachments[2].Value<string>("contentUrl")!, "data:image/png;base64,"));
        AssertNoNumber(string.Join('\n', log));
        AssertNoNumber(string.Join('\n', attachments.Select(item => Encoding.UTF8.GetString(DataUrlBytes(item.Value<string>("contentUrl")!, "data:")))));

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Files_posted_inline_as_data_urls_and_numbers_written_as_decimals_are_cleaned_too()
    {
        var customer = await Customer.StartAsync(_host);
        var latin1Csv = Encoding.Latin1.GetBytes("namn;kort\nÅsa Öberg;4111111111111111\n");
        var message = DirectLineClient.Message("två filer", "privacy-inline");
        message["attachments"] = new JArray(
            new JObject { ["contentType"] = "text/csv", ["name"] = "kort.csv", ["contentUrl"] = "data:text/csv;base64," + Convert.ToBase64String(latin1Csv) },
            new JObject { ["contentType"] = "text/plain", ["name"] = "pnr.txt", ["contentUrl"] = "data:,pnr%20" + Uri.EscapeDataString(PersonalNumber) });
        var body = message.ToString(Newtonsoft.Json.Formatting.None).Replace("\"type\":\"message\"", "\"type\":\"message\",\"value\":{\"kort\":4111111111111111.0,\"pris\":99.5}", StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineClient.Prefix}/conversations/{customer.ConversationId}/activities") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
        using var response = await customer.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = Echo(await customer.ActivitiesAsync(), "privacy-inline");
        var attachments = echo["attachments"]!.Cast<JObject>().ToList();
        // The marker's dots have no Latin-1 byte: the rest of the file is kept byte for byte.
        Assert.Matches(@"^namn;kort\nÅsa Öberg;\[\W{3}\]\n$", Encoding.Latin1.GetString(DataUrlBytes(attachments[0].Value<string>("contentUrl")!, "data:text/csv;base64,")));
        Assert.Equal("data:,pnr%20%5B%E2%80%A2%E2%80%A2%E2%80%A2%5D", attachments[1].Value<string>("contentUrl"));
        Assert.Equal(Removed, echo["value"]!.Value<string>("kort"));
        Assert.Equal(99.5, echo["value"]!.Value<double>("pris"));
        await AssertNothingStoredAsync();
    }

    private static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return part;
    }

    private static JObject Echo(List<JObject> log, string clientActivityId)
        => log.Single(activity => activity["channelData"]?.Value<string>("clientActivityID") == clientActivityId);

    private static byte[] DataUrlBytes(string url, string prefix)
    {
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        return Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }

    private static void AssertNoNumber(string text)
    {
        foreach (var form in Forms)
        {
            Assert.DoesNotContain(form, text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every file of the state folder, while the bot runs (its WAL holds the newest writes) and after it stopped,
    /// as text and with every base64 file in it decoded, holds neither number.
    /// </summary>
    private async Task AssertNothingStoredAsync()
    {
        var running = await _database.AllStoredTextAsync();
        _host.Dispose();
        var stopped = await _database.AllStoredTextAsync();
        foreach (var stored in new[] { running, stopped })
        {
            AssertNoNumber(stored);
            foreach (Match file in Base64File().Matches(stored))
            {
                var payload = file.Groups[1].Value;
                AssertNoNumber(Encoding.UTF8.GetString(Convert.FromBase64String(payload[..(payload.Length / 4 * 4)])));
            }
        }
    }

    [GeneratedRegex(@"data:[^;,""]*;base64,([A-Za-z0-9+/]+)")]
    private static partial Regex Base64File();

    public void Dispose()
    {
        _host.Dispose();
        _database.Dispose();
    }
}
