using System.Text;

namespace IqosBot.DirectLine;

/// <summary>
/// A file the customer sent as a <c>data:</c> URL (DirectLineUploadEndpoint turns every upload into one) as the log
/// keeps it: a text file is decoded, cleaned of personal identity and card numbers and encoded again; a binary file
/// (a photo of the device) is kept as it is, as numbers in it cannot be found by reading characters. Only the stored
/// and echoed copy changes (<see cref="StoredActivityRedaction"/>); the bot's turn reads the file as sent.
/// </summary>
internal static class DataUrlRedaction
{
    /// <summary>
    /// The most text read: four times the largest file the default upload limit lets in (DirectLineOptions.MaxUploadBytes,
    /// 256 KB). A larger text file is not kept at all rather than kept unread.
    /// </summary>
    internal const int MaxTextBytes = 1024 * 1024;

    private const string Base64Marker = ";base64";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Types that are text whatever their bytes look like; anything else is text only if its bytes read as UTF-8 text.</summary>
    private static readonly HashSet<string> TextTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/json", "application/xml", "application/csv", "application/x-csv", "application/x-ndjson",
        "application/javascript", "application/yaml", "application/x-yaml", "application/rtf",
    };

    /// <summary><paramref name="url"/> with its text cleaned, or the very same instance when nothing in it had to go.</summary>
    public static string Apply(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            // Not a data: URL after all, only text that starts like one.
            return StoredActivityRedaction.Redacted(url);
        }

        var header = url["data:".Length..comma];
        var payload = url[(comma + 1)..];
        if (!header.EndsWith(Base64Marker, StringComparison.OrdinalIgnoreCase))
        {
            // Percent-encoded text ("data:,19811218%2D9876"): the number is only found once decoded.
            var plain = Uri.UnescapeDataString(payload);
            var cleanedPlain = StoredActivityRedaction.Redacted(plain);
            return ReferenceEquals(cleanedPlain, plain) ? url : string.Concat(url.AsSpan(0, comma + 1), Uri.EscapeDataString(cleanedPlain));
        }

        var declaredText = IsTextType(header[..^Base64Marker.Length]);
        if ((long)payload.Length / 4 * 3 > MaxTextBytes)
        {
            return declaredText ? url[..(comma + 1)] : url;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload);
        }
        catch (FormatException)
        {
            // Not base64 after all: whatever it is, it is read as text.
            return StoredActivityRedaction.Redacted(url);
        }

        if (Decode(bytes, declaredText) is not var (text, encoding))
        {
            return url;
        }

        var cleaned = StoredActivityRedaction.Redacted(text);
        return ReferenceEquals(cleaned, text) ? url : string.Concat(url.AsSpan(0, comma + 1), Convert.ToBase64String(encoding.GetBytes(cleaned)));
    }

    /// <summary>The media type without parameters ("text/csv;charset=utf-8" is text/csv) names text, or a structured type written as text.</summary>
    private static bool IsTextType(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || TextTypes.Contains(type);
    }

    /// <summary>
    /// The file's text and the encoding that writes it back byte for byte (apart from what is cleaned), or null for a
    /// binary file. A browser gives many text files a binary type (a .csv from Excel is application/vnd.ms-excel),
    /// so bytes that read as UTF-8 without control characters are text whatever their type says.
    /// </summary>
    private static (string Text, Encoding Encoding)? Decode(byte[] bytes, bool declaredText)
    {
        // Notepad's "Unicode": UTF-16 with its byte order mark, the digits otherwise hidden between zero bytes.
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (utf16.GetString(bytes), utf16);
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return declaredText || !text.Any(character => char.IsControl(character) && character is not ('\t' or '\n' or '\r' or '\f'))
                ? (text, StrictUtf8)
                : null;
        }
        catch (DecoderFallbackException)
        {
            // Text in a single-byte code page (Windows-1252 from Excel): Latin-1 reads every byte back unchanged and the
            // digits are ASCII in all of them. The marker's dots have no Latin-1 byte and are written as a stand-in.
            return declaredText ? (Encoding.Latin1.GetString(bytes), Encoding.Latin1) : null;
        }
    }
}
