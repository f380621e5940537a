using System.ComponentModel.DataAnnotations;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.BatchJob;

/// <summary>
/// How the worker runs a job; bound from the <c>BatchWorker</c> section (env <c>BatchWorker__ChunkRows</c>, ...), which
/// is the worker's own: the <c>Batch</c> section belongs to the dispatcher that starts the tasks.
/// </summary>
public sealed class BatchWorkerOptions
{
    public const string SectionName = "BatchWorker";

    /// <summary>
    /// Input rows per model run: big enough for the batch speed-up and for the threads to spend little on handing
    /// chunks to each other, small enough that a chunk is quick to finish on a stop request (2,048 rows: a few ms).
    /// With 1,024 the pipeline on 2 cores ran 1.6 times as many rows as on 1, with 2,048 1.72 times, and 4,096 gained little more (bench: batch).
    /// </summary>
    [Range(1, 100_000)]
    public int ChunkRows { get; set; } = 2048;

    /// <summary>
    /// Threads that validate, predict and lay out chunks side by side. 0: one per core the process may use
    /// (<see cref="Environment.ProcessorCount"/>, which honours the task's CPU limit, CPU affinity and DOTNET_PROCESSOR_COUNT).
    /// </summary>
    [Range(0, 1024)]
    public int PredictThreads { get; set; }

    /// <summary>How often the lease is extended and progress recorded; at most a third of <c>Jobs:LeaseDuration</c>.</summary>
    [TimeSpanRange("00:00:00.050", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest row accepted. Bounds memory when a file is not CSV at all or a quote is never closed.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRowCharacters { get; set; } = MlApp.Jobs.Csv.CsvRecordScanner.DefaultMaxRecordChars;

    /// <summary>
    /// How long a stop request (SIGTERM from ECS StopTask or a Spot interruption) may take; ECS kills the task 30 s after
    /// SIGTERM by default, so this leaves room to give the job back and flush telemetry.
    /// </summary>
    [TimeSpanRange("00:00:01", "00:02:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
