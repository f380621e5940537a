using System.Diagnostics;
using MlApp.Jobs;

namespace MlApp.BatchJob;

/// <summary>The worker's spans. A job's span continues the trace of the request that submitted it, and links to it too.</summary>
public static class BatchTelemetry
{
    public const string SourceName = "MlApp.BatchJob";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the span of one attempt at a job. With the submitter's traceparent it is that request's child (one trace
    /// from upload to result in the dashboard) and carries a link to it (the messaging convention for queued work).
    /// </summary>
    public static Activity? StartJob(Job job)
    {
        var submitted = ActivityContext.TryParse(job.TraceParent, null, isRemote: true, out var context);
        var activity = Source.StartActivity(
            "batch job",
            ActivityKind.Consumer,
            submitted ? context : default,
            tags: null,
            links: submitted ? [new ActivityLink(context)] : null);
        activity?.SetTag("mlapp.job.id", job.JobId);
        activity?.SetTag("mlapp.job.owner", job.OwnerId);
        activity?.SetTag("mlapp.job.attempt", job.Attempts);
        return activity;
    }
}
