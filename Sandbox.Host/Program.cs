using Microsoft.Extensions.Configuration.Memory;
using IqosBot.Sandbox.Benefits;

namespace IqosBot.Sandbox.Host;

/// <summary>
/// The benefits API sandbox on its own (http://localhost:5080/sandbox/benefits/v1/...), for a bot started with
/// <c>--Benefits:BaseUrl=http://localhost:5080/sandbox/benefits/ --Benefits:ApiKey=local-sandbox-key</c>, or for
/// any client of deployment/benefits-api/openapi.yaml. The same AddBenefitsSandbox / MapBenefitsSandbox the bot
/// serves in-process. Its defaults (key, file, port) are in code, at the lowest precedence, so that environment
/// variables and the command line override them, and no appsettings.json of its own lands beside the bot's in
/// the output of a project that references both.
/// </summary>
/// <remarks>
/// A named class rather than top-level statements: those would make a second public <c>Program</c>, and the bot's
/// tests host both this and the bot.
/// </remarks>
public sealed class BenefitsSandboxProgram
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Urls"] = "http://localhost:5080",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Benefits:Sandbox:ApiKey"] = "local-sandbox-key",
        ["Benefits:Sandbox:DatabasePath"] = "data/benefits-sandbox.db",
    };

    private BenefitsSandboxProgram()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Services.AddBenefitsSandbox(builder.Configuration);

        var app = builder.Build();
        app.MapBenefitsSandbox();
        app.Run();
    }
}
