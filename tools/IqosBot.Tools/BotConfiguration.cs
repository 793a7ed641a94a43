using Microsoft.Extensions.Configuration;

namespace IqosBot.Tools;

/// <summary>The bot's own configuration as the bot reads it: Bot/appsettings.json, the environment's file, environment variables.</summary>
internal static class BotConfiguration
{
    public static IConfiguration Load(string botFolder)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(botFolder, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(botFolder, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
