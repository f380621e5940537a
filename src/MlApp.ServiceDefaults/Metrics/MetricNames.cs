namespace MlApp.ServiceDefaults.Metrics;

/// <summary>
/// The custom CloudWatch metrics the apps publish through their logs, and that the deployment's alarms watch: one list,
/// so a renamed metric can't silently leave an alarm watching nothing.
/// </summary>
public static class MetricNames
{
    public const string Namespace = "MlApp";

    /// <summary>The one dimension: which part of the system published the figure.</summary>
    public const string ServiceDimension = "Service";

    public const string WebService = "web";
    public const string BatchService = "batch-job";

    /// <summary>Web, every dispatch tick: seconds the longest-waiting claimable job has waited. Grows while no task runs.</summary>
    public const string OldestQueuedJobAge = "OldestQueuedJobAgeSeconds";

    /// <summary>Web, every dispatch tick: jobs that could be claimed now.</summary>
    public const string QueuedJobs = "QueuedJobs";

    /// <summary>Worker: 1 for each job that ended FAILED.</summary>
    public const string JobsFailed = "JobsFailed";

    /// <summary>Worker: 1 for each job that ended SUCCEEDED.</summary>
    public const string JobsSucceeded = "JobsSucceeded";

    /// <summary>Worker: rows predicted by a finished job.</summary>
    public const string RowsPredicted = "RowsPredicted";
}
