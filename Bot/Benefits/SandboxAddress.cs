using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IqosBot.Benefits;

/// <summary>
/// With no external benefits API configured, the bot calls the sandbox it serves itself, on whatever
/// address it actually listens (so `--urls` with another port just works).
/// </summary>
internal static class SandboxAddress
{
    public static Uri From(IServer server)
    {
        // An in-memory test server has no addresses; its requests all go to http://localhost/.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost/";

        // A wildcard binding is reached through the loopback interface.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        uri.Path = Sandbox.Benefits.BenefitsSandboxExtensions.RoutePrefix + "/";
        return uri.Uri;
    }
}
