using OpenTelemetry.Trace;

namespace MlApp.RealtimeFunction.Runtime;

/// <summary>
/// Flushes buffered spans before the function answers, because Lambda may freeze the instance right after. A collector
/// that doesn't answer must not add its timeout to every prediction, so after a failed flush the next tries wait a while.
/// </summary>
public sealed class TelemetryFlusher(TimeProvider time, TracerProvider? tracing = null)
{
    private static readonly TimeSpan FlushBudget = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(30);

    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public void Flush()
    {
        if (tracing is null || time.GetUtcNow() < _pausedUntil)
        {
            return;
        }

        if (!tracing.ForceFlush((int)FlushBudget.TotalMilliseconds))
        {
            _pausedUntil = time.GetUtcNow() + PauseAfterFailure;
        }
    }
}
