using System.Net;

namespace IqosBot.RateLimiting;

/// <summary>
/// The address a request comes from, for partitioning limits: the connection's, unless the connection is a
/// trusted proxy, whose X-Forwarded-For is then read from the right, skipping the proxies themselves.
/// A forwarded header from anyone else is ignored, so a client cannot pick its own partition.
/// Trusted proxies are addresses or networks ("10.0.0.0/8"): behind a platform's front ends (Azure App
/// Service, Container Apps) the proxy's address changes, but it always comes from the platform's internal range.
/// </summary>
public sealed class ClientAddress(IReadOnlyCollection<IPNetwork> trustedProxies)
{
    public static ClientAddress From(IEnumerable<string> trustedProxies) => new([.. ParseProxies(trustedProxies)]);

    /// <summary>Each entry as a network; a single address is a network of one. Throws with the entry at fault.</summary>
    public static IEnumerable<IPNetwork> ParseProxies(IEnumerable<string> trustedProxies)
    {
        ArgumentNullException.ThrowIfNull(trustedProxies);
        foreach (var entry in trustedProxies)
        {
            var text = entry.Trim();
            if (IPAddress.TryParse(text, out var address))
            {
                var normalized = Normalize(address);
                yield return new IPNetwork(normalized, normalized.GetAddressBytes().Length * 8);
            }
            else if (IPNetwork.TryParse(text, out var network))
            {
                yield return network;
            }
            else
            {
                throw new FormatException($"RateLimits:TrustedProxies: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }
    }

    public string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress is { } address ? Normalize(address) : null;
        if (remote is null)
        {
            return "local";
        }

        if (!IsTrusted(remote) || context.Request.Headers["X-Forwarded-For"].ToString() is not { Length: > 0 } forwarded)
        {
            return remote.ToString();
        }

        foreach (var hop in forwarded.Split(',').Reverse().Take(10))
        {
            if (TryParseHop(hop.Trim(), out var parsed) && !IsTrusted(parsed))
            {
                return parsed.ToString();
            }
        }

        return remote.ToString();
    }

    private bool IsTrusted(IPAddress address) => trustedProxies.Any(network => network.Contains(address));

    /// <summary>An address as proxies write it: "203.0.113.7", "203.0.113.7:51234" (Azure's front ends add the port), "[2001:db8::1]:443".</summary>
    private static bool TryParseHop(string hop, out IPAddress address)
    {
        if (IPEndPoint.TryParse(hop, out var endPoint))
        {
            address = Normalize(endPoint.Address);
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
