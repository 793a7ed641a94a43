using System.Net;
using Microsoft.Bot.Schema;

namespace IqosBot.Endpoints;

/// <summary>
/// Where the bot may send its replies to an activity that came in without a Bot Framework token (no app id
/// configured: the Emulator, a test deployment): loopback, and the hosts in <c>Security:AllowedServiceUrlHosts</c>.
/// Otherwise anyone could make the bot call any address they name. With an app id the adapter authenticates
/// every request, and the channel's serviceUrl comes with its token.
/// </summary>
public sealed class ReplyHosts(IConfiguration configuration)
{
    private readonly bool _anonymous = string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    private readonly HashSet<string> _allowed = new(
        configuration.GetSection("Security:AllowedServiceUrlHosts").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);

    public bool MayReplyTo(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!_anonymous || activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            // Replies of expectReplies go back in the HTTP response, to whoever asked.
            return true;
        }

        return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri)
               && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)) || _allowed.Contains(uri.Host));
    }
}
