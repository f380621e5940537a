using MlApp.Jobs;

namespace MlApp.Tests.Faults.Batch;

/// <summary>A job as submitted and the input rows it was given, so its result can be recomputed independently.</summary>
internal sealed record SubmittedJob(Job Job, IReadOnlyList<string[]> Rows)
{
    public string Id => Job.JobId;
}
