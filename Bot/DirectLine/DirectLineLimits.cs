using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Schema;

namespace IqosBot.DirectLine;

/// <summary>
/// What one request to the self-hosted Direct Line may carry: a few attachments of the expected shape, and
/// an upload bounded as a whole (not only each file), so a visitor cannot make the bot allocate without end.
/// </summary>
internal static class DirectLineLimits
{
    /// <summary>Attachments one activity may declare: Web Chat sends a handful at most.</summary>
    public const int MaxAttachments = 10;

    /// <summary>Files one upload may carry.</summary>
    public const int MaxUploadFiles = 4;

    /// <summary>Room for the activity part and the multipart framing beside the files.</summary>
    private const int UploadOverhead = 64 * 1024;

    /// <summary>Why the activity's attachments cannot be taken, or null when they can.</summary>
    public static string? AttachmentProblem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var attachments = activity.Attachments;
        if (attachments is null || attachments.Count == 0)
        {
            return null;
        }

        if (attachments.Count > MaxAttachments)
        {
            return $"An activity carries at most {MaxAttachments} attachments.";
        }

        return attachments.Any(attachment => attachment is null || string.IsNullOrWhiteSpace(attachment.ContentType))
            ? "Every attachment needs a contentType."
            : null;
    }

    /// <summary>Bounds the whole upload request and its form before it is read.</summary>
    public static void BoundUpload(HttpContext context, int maxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        long total = (MaxUploadFiles * (long)maxFileBytes) + UploadOverhead;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = total;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = total,
            ValueCountLimit = 16,
            ValueLengthLimit = UploadOverhead,
            MultipartHeadersCountLimit = 16,
        }));
    }
}
