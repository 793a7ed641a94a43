using IqosBot.Sandbox.Benefits;

namespace IqosBot.Sandbox.Host;

/// <summary>
/// The benefits API sandbox on its own (http://localhost:5080/sandbox/benefits/v1/...), for a bot started with
/// <c>--Benefits:BaseUrl=http://localhost:5080/sandbox/benefits/ --Benefits:ApiKey=local-sandbox-key</c>, or for
/// any client of deployment/benefits-api/openapi.yaml. The same AddBenefitsSandbox / MapBenefitsSandbox the bot
/// serves in-process, configured here by appsettings.json (key, file, port).
/// </summary>
/// <remarks>
/// A named class rather than top-level statements: those would make a second public <c>Program</c>, and the bot's
/// tests host both this and the bot.
/// </remarks>
public sealed class BenefitsSandboxProgram
{
    private BenefitsSandboxProgram()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddBenefitsSandbox(builder.Configuration);

        var app = builder.Build();
        app.MapBenefitsSandbox();
        app.Run();
    }
}
