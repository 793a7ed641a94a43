using IqosBot.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// The answer to <c>/api/messages</c> is written without the SDK's buffer per request, and must still be what the SDK
/// writes: the same status, content type and bytes (Swedish letters, emoji and a card included), for a small body, a
/// body larger than the reused buffer keeps, and one after the other on the same thread (a buffer left dirty by the
/// one before would show here).
/// </summary>
public sealed class InvokeResponseWriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(4000)]
    public async Task The_body_is_byte_for_byte_the_sdks_with_its_length(int replies)
    {
        var response = Replies(replies);

        var (status, type, length, body) = await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, response));
        var (sdkStatus, sdkType, _, sdkBody) = await WriteAsync(ctx => HttpHelper.WriteResponseAsync(ctx.Response, response));

        Assert.Equal(sdkStatus, status);
        Assert.Equal(sdkType, type);
        Assert.Equal(sdkBody, body);
        Assert.Equal(body.Length, length);
        Assert.Contains("Hjälpte det här? 👍", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_answer_after_a_large_one_carries_nothing_of_it()
    {
        await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, Replies(4000)));

        var (_, _, _, body) = await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, Replies(1)));
        var (_, _, _, sdkBody) = await WriteAsync(ctx => HttpHelper.WriteResponseAsync(ctx.Response, Replies(1)));

        Assert.Equal(sdkBody, body);
    }

    [Fact]
    public async Task A_value_that_fails_to_serialize_is_handled_as_the_sdk_does_and_leaves_nothing_for_the_next_answer()
    {
        var unwritable = new InvokeResponse { Status = 200, Body = new ExpectedReplies([MessageFactory.Text("Hej! " + new string('å', 3000)), new Activity { Type = "message", Value = new Unwritable() }]) };

        var (_, _, _, failed) = await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, unwritable));
        var (_, _, _, sdkFailed) = await WriteAsync(ctx => HttpHelper.WriteResponseAsync(ctx.Response, unwritable));
        Assert.Equal(sdkFailed, failed);

        var (_, _, _, body) = await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, Replies(1)));
        var (_, _, _, sdkBody) = await WriteAsync(ctx => HttpHelper.WriteResponseAsync(ctx.Response, Replies(1)));

        Assert.Equal(sdkBody, body);
    }

    /// <summary>A value whose serialization fails after the writer has already taken part of the body.</summary>
    private sealed class Unwritable
    {
        public string First => "written";

        public string Second => throw new InvalidOperationException("cannot be written");
    }

    [Fact]
    public async Task No_invoke_response_is_a_200_without_a_body_and_a_status_alone_is_kept()
    {
        var (status, _, _, body) = await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, null));
        var (accepted, _, _, none) = await WriteAsync(ctx => InvokeResponseWriter.WriteAsync(ctx.Response, new InvokeResponse { Status = 202 }));

        Assert.Equal(200, status);
        Assert.Empty(body);
        Assert.Equal(202, accepted);
        Assert.Empty(none);
    }

    private static InvokeResponse Replies(int count) => new()
    {
        Status = 200,
        Body = new ExpectedReplies(Enumerable.Range(0, count)
            .Select(index => (Activity)MessageFactory.Text($"Hjälpte det här? 👍 #{index}", inputHint: InputHints.ExpectingInput))
            .ToList()),
    };

    private static async Task<(int Status, string? ContentType, long? Length, byte[] Body)> WriteAsync(Func<HttpContext, Task> write)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await write(context);
        await context.Response.BodyWriter.FlushAsync();
        return (context.Response.StatusCode, context.Response.ContentType, context.Response.ContentLength, body.ToArray());
    }
}
