using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ErrorResult = Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<IqosBot.DirectLine.DirectLineErrorResponse>;

namespace IqosBot.DirectLine;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload</c>: a message with files, as Web Chat sends them (multipart:
/// an "activity" part and "file" parts). The files become data: URLs the bot can read without calling back;
/// the request is bounded as a whole and in its number of files (<see cref="DirectLineLimits"/>).
/// </summary>
public static partial class DirectLineEndpoints
{
    private static async Task<Results<JsonHttpResult<DirectLineResourceResponse>, ErrorResult>> UploadAsync(
        string conversationId, HttpContext context, DirectLineHub hub, DirectLineTurnQueue turns, DirectLineAdapter adapter, IOptions<DirectLineOptions> options)
    {
        if (!context.Request.HasFormContentType)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Expected multipart/form-data with an 'activity' part and 'file' parts.");
        }

        DirectLineLimits.BoundUpload(context, options.Value.MaxUploadBytes);

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The multipart body could not be read.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The upload is too large.");
        }

        string? activityJson = null;
        if (form.Files.GetFile("activity") is { } activityPart)
        {
            using var reader = new StreamReader(activityPart.OpenReadStream(), Encoding.UTF8);
            activityJson = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        else if (form.TryGetValue("activity", out var field))
        {
            activityJson = field.ToString();
        }

        Activity? activity;
        try
        {
            activity = string.IsNullOrEmpty(activityJson) ? new Activity { Type = ActivityTypes.Message } : DirectLineHub.Deserialize(activityJson);
        }
        catch (JsonException)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The 'activity' part is not a valid activity.");
        }

        if (activity is null)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The 'activity' part is empty.");
        }

        var files = form.Files.Where(file => file.Name != "activity").ToList();
        if (files.Count > DirectLineLimits.MaxUploadFiles)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", $"An upload carries at most {DirectLineLimits.MaxUploadFiles} files.");
        }

        if (files.Any(file => file.Length > options.Value.MaxUploadBytes))
        {
            return DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"Each file must be at most {options.Value.MaxUploadBytes / 1024} KB.");
        }

        // The files become data: URLs the bot can read without calling back; attachments that carry
        // their content inline (cards) are kept as they are. What the log keeps and clients get back of
        // them has personal identity and card numbers removed from names and text files (DataUrlRedaction).
        var declared = activity.Attachments ?? [];
        var attachments = declared.Where(attachment => attachment.Content is not null).ToList();
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            var contentType = !string.IsNullOrEmpty(file.ContentType) ? file.ContentType
                : index < declared.Count && declared[index].ContentType is { Length: > 0 } declaredType ? declaredType
                : "application/octet-stream";
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            attachments.Add(new Attachment
            {
                ContentType = contentType,
                Name = file.FileName,
                ContentUrl = $"data:{contentType};base64,{Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)}",
            });
        }

        activity.Attachments = attachments;
        return await AcceptAsync(context, hub, turns, adapter, conversationId, activity).ConfigureAwait(false);
    }
}
