namespace MlApp.BatchJob;

/// <summary>Rows done so far in one job and the rate, shared between the thread that predicts and the heartbeat that reports.</summary>
public sealed class JobProgress(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _rowsDone;

    public long RowsDone => Interlocked.Read(ref _rowsDone);

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsDone / Elapsed.TotalSeconds : 0;

    public void Add(long rows) => Interlocked.Add(ref _rowsDone, rows);
}
