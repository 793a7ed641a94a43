using System.Net;

namespace IqosBot.RateLimiting;

/// <summary>
/// The address a request comes from, for partitioning limits: the connection's, unless the connection is a
/// configured proxy, whose X-Forwarded-For is then read from the right, skipping the proxies themselves.
/// A forwarded header from anyone else is ignored, so a client cannot pick its own partition.
/// </summary>
public sealed class ClientAddress(IReadOnlyCollection<IPAddress> trustedProxies)
{
    public static ClientAddress From(IEnumerable<string> trustedProxies)
        => new([.. trustedProxies.Select(IPAddress.Parse).Select(Normalize)]);

    public string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress is { } address ? Normalize(address) : null;
        if (remote is null)
        {
            return "local";
        }

        if (!trustedProxies.Contains(remote) || context.Request.Headers["X-Forwarded-For"].ToString() is not { Length: > 0 } forwarded)
        {
            return remote.ToString();
        }

        foreach (var hop in forwarded.Split(',').Reverse().Take(10))
        {
            if (IPAddress.TryParse(hop.Trim(), out var parsed) && !trustedProxies.Contains(Normalize(parsed)))
            {
                return Normalize(parsed).ToString();
            }
        }

        return remote.ToString();
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
