using IqosBot.Storage.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IqosBot.Storage;

/// <summary>
/// Readiness of bot state: the store answers a read, and on PostgreSQL every migration has been applied. An
/// instance that cannot read state cannot take a turn, so a load balancer should send customers elsewhere.
/// </summary>
public sealed class StateStoreHealthCheck(IStateStore store, NpgsqlDataSource? postgres = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ReadAsync(["health/readiness"], cancellationToken).ConfigureAwait(false);
            if (postgres is not null && !await PostgresMigrations.UpToDateAsync(postgres, cancellationToken).ConfigureAwait(false))
            {
                return HealthCheckResult.Unhealthy("The PostgreSQL schema is not up to date.");
            }

            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to reach the store is "not ready", said without its details.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"Bot state cannot be read ({exception.GetType().Name}).");
        }
    }
}
