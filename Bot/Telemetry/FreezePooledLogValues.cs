using Microsoft.Extensions.ObjectPool;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace IqosBot.Telemetry;

/// <summary>
/// First of the log processors: turns every pooled attribute value (the redaction package's just-in-time
/// redactors) into its text while the log call is still running. Batching exporters (OTLP, Azure Monitor) read
/// the values seconds later, when the redactor is back in its pool, and would lose the attribute to a
/// NullReferenceException (open-telemetry/opentelemetry-dotnet#5276, dotnet/extensions#5080).
/// </summary>
internal sealed class FreezePooledLogValues : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Attributes is { } attributes && attributes.Any(attribute => attribute.Value is IResettable))
        {
            data.Attributes = [.. attributes.Select(attribute => attribute.Value is IResettable pooled
                ? new KeyValuePair<string, object?>(attribute.Key, pooled.ToString())
                : attribute)];
        }
    }
}
