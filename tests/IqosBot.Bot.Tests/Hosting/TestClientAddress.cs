using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace IqosBot.Bot.Tests.Hosting;

/// <summary>
/// Gives each test request the client address named in its X-Test-Client header, as Kestrel would from the
/// socket (the test server has none): for the tests of what depends on who is asking.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, proceed) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return proceed(context);
        });
        next(app);
    };
}
