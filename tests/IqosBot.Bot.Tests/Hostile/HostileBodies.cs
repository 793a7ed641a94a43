using System.Text;

namespace IqosBot.Bot.Tests.Hostile;

/// <summary>
/// The bodies a hostile visitor sends, as bytes: malformed, deep, wide, huge, of the wrong types, with
/// nulls, control, zero-width and right-to-left characters, invalid UTF-8, thousands of attachments and
/// ids that do not match. Each is sent to every public endpoint by <see cref="HostileCorpusTests"/>.
/// </summary>
public static class HostileBodies
{
    private const string Ids = "\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"deliveryMode\":\"expectReplies\",\"conversation\":{\"id\":\"hostile-1\"},\"from\":{\"id\":\"u\"},\"recipient\":{\"id\":\"b\"}";

    public static IReadOnlyList<(string Name, byte[] Body)> All { get; } = Build();

    private static List<(string, byte[])> Build()
    {
        var bodies = new List<(string, string)>
        {
            ("empty", string.Empty),
            ("whitespace", "   \n\t "),
            ("null", "null"),
            ("true", "true"),
            ("number", "12345678901234567890"),
            ("string", "\"hej\""),
            ("array", "[]"),
            ("array of nulls", "[null,null]"),
            ("unclosed object", "{\"type\":\"message\""),
            ("trailing garbage", "{\"type\":\"message\"}}}}"),
            ("single quotes", "{'type':'message'}"),
            ("comment", "{/* x */\"type\":\"message\"}"),
            ("duplicate keys", "{\"type\":\"message\",\"type\":\"event\"," + Ids + "}"),
            ("type as number", "{\"type\":5," + Ids + "}"),
            ("type as object", "{\"type\":{\"a\":1}," + Ids + "}"),
            ("text as object", "{\"type\":\"message\",\"text\":{\"a\":1}," + Ids + "}"),
            ("text as array", "{\"type\":\"message\",\"text\":[1,2]," + Ids + "}"),
            ("conversation as string", "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":\"x\",\"channelId\":\"emulator\"}"),
            ("from as array", "{\"type\":\"message\",\"text\":\"hej\",\"from\":[]," + Ids.Replace("\"from\":{\"id\":\"u\"},", string.Empty, StringComparison.Ordinal) + "}"),
            ("all nulls", "{\"type\":null,\"text\":null,\"conversation\":null,\"from\":null,\"channelId\":null,\"serviceUrl\":null}"),
            ("missing conversation", "{\"type\":\"message\",\"text\":\"hej\",\"channelId\":\"emulator\"}"),
            ("missing channel", "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"x\"}}"),
            ("unknown type", "{\"type\":\"nonsense\"," + Ids + "}"),
            ("control characters", "{\"type\":\"message\",\"text\":\"\\u0000\\u0001\\u001b[31mhej\\u0007\"," + Ids + "}"),
            ("zero-width", "{\"type\":\"message\",\"text\":\"h\\u200be\\u200bj\\ufeff\"," + Ids + "}"),
            ("right-to-left", "{\"type\":\"message\",\"text\":\"\\u202eregistrera\\u202c min enhet\"," + Ids + "}"),
            ("lone surrogate", "{\"type\":\"message\",\"text\":\"\\ud800hej\"," + Ids + "}"),
            ("megabyte text", "{\"type\":\"message\",\"text\":\"" + new string('a', 1024 * 1024 - 400) + "\"," + Ids + "}"),
            ("long text", "{\"type\":\"message\",\"text\":\"" + string.Concat(Enumerable.Repeat("koppla mig ", 3000)) + "\"," + Ids + "}"),
            ("email dots", "{\"type\":\"message\",\"text\":\"a@" + string.Concat(Enumerable.Repeat(".a", 20000)) + "\"," + Ids + "}"),
            ("thousand attachments", "{\"type\":\"message\",\"text\":\"hej\",\"attachments\":[" + string.Join(',', Enumerable.Repeat("{\"contentType\":\"text/plain\",\"content\":\"x\"}", 1000)) + "]," + Ids + "}"),
            ("null attachment", "{\"type\":\"message\",\"text\":\"hej\",\"attachments\":[null]," + Ids + "}"),
            ("attachments as object", "{\"type\":\"message\",\"text\":\"hej\",\"attachments\":{\"a\":1}," + Ids + "}"),
            ("wide object", "{\"type\":\"message\",\"channelData\":{" + string.Join(',', Enumerable.Range(0, 20000).Select(i => $"\"k{i}\":{i}")) + "}," + Ids + "}"),
            ("deep array 65", "{\"type\":\"message\",\"channelData\":" + new string('[', 65) + new string(']', 65) + "," + Ids + "}"),
            ("deep object 200", "{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "," + Ids + "}"),
            ("mismatched ids", "{\"type\":\"message\",\"text\":\"hej\",\"id\":\"" + new string('i', 5000) + "\",\"replyToId\":\"nope\"," + Ids + "}"),
            ("huge locale", "{\"type\":\"message\",\"text\":\"hej\",\"locale\":\"" + new string('x', 10000) + "\"," + Ids + "}"),
            ("value as card submit bomb", "{\"type\":\"message\",\"value\":{\"action\":\"" + new string('x', 100000) + "\"}," + Ids + "}"),
            ("event with name only", "{\"type\":\"event\",\"name\":\"handoff.status\",\"value\":{\"state\":\"completed\"}," + Ids + "}"),
            ("form field noise", "userName=%00&password=" + new string('p', 5000) + "&returnUrl=//evil"),
        };

        var all = bodies.Select(body => (body.Item1, Encoding.UTF8.GetBytes(body.Item2))).ToList();
        all.Add(("invalid UTF-8", [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]));
        all.Add(("binary", Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray()));
        return all;
    }
}
