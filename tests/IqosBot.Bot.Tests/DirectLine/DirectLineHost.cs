using IqosBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IqosBot.Bot.Tests.DirectLine;

/// <summary>
/// The real bot host with a Direct Line secret of its own (the secret is what mints and checks tokens).
/// Two hosts on the same file stand for the bot before and after a restart.
/// </summary>
public sealed class DirectLineHost(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : BotHost(databasePath, WithSecret(settings), services)
{
    public const string Secret = "test-directline-secret-0123456789";

    private static Dictionary<string, string?> WithSecret(IDictionary<string, string?>? settings)
    {
        var merged = new Dictionary<string, string?> { ["DirectLine:Secret"] = Secret };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }
}
