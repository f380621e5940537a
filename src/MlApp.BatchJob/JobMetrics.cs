using MlApp.ServiceDefaults.Metrics;

namespace MlApp.BatchJob;

/// <summary>How each job ended, as CloudWatch metrics (EMF): the deployment alarms on <see cref="MetricNames.JobsFailed"/>.</summary>
public sealed class JobMetrics(EmbeddedMetricWriter metrics)
{
    public void Record(JobOutcome outcome, long rows)
    {
        switch (outcome)
        {
            case JobOutcome.Succeeded:
                metrics.Write(new MetricValue(MetricNames.JobsSucceeded, 1, "Count"), new MetricValue(MetricNames.RowsPredicted, rows, "Count"));
                break;
            case JobOutcome.Failed:
                metrics.Write(new MetricValue(MetricNames.JobsFailed, 1, "Count"));
                break;
        }
    }
}
