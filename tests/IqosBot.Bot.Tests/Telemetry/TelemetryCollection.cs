using IqosBot.Bot.Tests.Storage;

namespace IqosBot.Bot.Tests.Telemetry;

/// <summary>
/// The OpenTelemetry tests count what the SDK records, and its listeners are process-wide: a meter named
/// "IqosBot" or ASP.NET Core's in any other test's host feeds this host's exporter too, and metric points carry no
/// host. So these tests run alone, after the parallel collections, with a PostgreSQL server of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "OpenTelemetry";
}
