using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IqosBot.DirectLine;

/// <summary>The typed results of the Direct Line routes, written exactly as DirectLineJS has always been sent them.</summary>
internal static class DirectLineResults
{
    /// <summary>
    /// Options of their own, not the application's: the wire format is DirectLineJS's and must not move when
    /// the JSON options of other endpoints are configured. Names come from the records' attributes; escaping is
    /// relaxed as Newtonsoft's was (a stream URL's <c>&amp;watermark=</c>, quotes and non-ASCII text written as
    /// they are), which is safe for JSON answered to a script and never put into HTML.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    public static JsonHttpResult<T> Json<T>(T body, int statusCode = StatusCodes.Status200OK)
        => TypedResults.Json(body, JsonOptions, statusCode: statusCode);

    public static JsonHttpResult<DirectLineErrorResponse> Error(int statusCode, string code, string message)
        => Json(new DirectLineErrorResponse(new DirectLineError(code, message)), statusCode);

    /// <summary>A <c>{"activities":[…],"watermark":"N"}</c> page; the activities are Bot Framework JSON already written by Newtonsoft.</summary>
    public static ContentHttpResult ActivitySet(IEnumerable<string> activityJson, long watermark)
        => TypedResults.Content(DirectLineHub.ActivitySet(activityJson, watermark), "application/json", Encoding.UTF8, StatusCodes.Status200OK);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
