using System.Globalization;
using System.Text.RegularExpressions;

namespace MlApp.Tests.Faults.Batch;

/// <summary>What fault tests look for in a worker's log lines: where it is in its run, and how it said it gave up.</summary>
internal static partial class WorkerLog
{
    /// <summary>The worker's line when DynamoDB fails it outside a job, before it exits with code 1.</summary>
    public const string QueueUnusable = "The job queue could not be used";

    /// <summary>True on the line the worker logs when it has claimed the job and begins it.</summary>
    public static Func<string, bool> Started(SubmittedJob job) => line => line.Contains($"Job {job.Id}: started", StringComparison.Ordinal);

    /// <summary>True on a progress report for the job with at least one row done: the worker is inside the job.</summary>
    public static Func<string, bool> MidJob(SubmittedJob job) => line => RowsDone(line, job.Id) > 0;

    /// <summary>True on a progress report for any job with at least one row done.</summary>
    public static bool MidAnyJob(string line) => RowsDone(line, jobId: null) > 0;

    /// <summary>True on the line the worker logs right after a job succeeded, before it claims the next.</summary>
    public static bool JobSucceeded(string line) => line.Contains(": succeeded, ", StringComparison.Ordinal);

    /// <summary>True on the worker's first line about the queue: it is about to claim.</summary>
    public static bool Claiming(string line) => line.Contains("started; claiming jobs", StringComparison.Ordinal);

    private static long RowsDone(string line, string? jobId)
    {
        var match = ProgressLine().Match(line);
        return match.Success && (jobId is null || match.Groups["id"].Value == jobId)
            ? long.Parse(match.Groups["rows"].Value, CultureInfo.InvariantCulture)
            : -1;
    }

    [GeneratedRegex(@"Job (?<id>[0-9a-f]{32}): (?<rows>\d+) of \d+ rows done")]
    private static partial Regex ProgressLine();
}
