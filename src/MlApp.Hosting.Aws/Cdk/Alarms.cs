using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using MlApp.ServiceDefaults.Metrics;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The alarms that reach a person through the <see cref="AlarmTopic"/>: each one's description says what to check
/// first, and each tells again when it is back to OK. The README's alarm table lists the same six.
/// </summary>
/// <remarks>
/// Missing data is decided per alarm by what a gap means: for counts that are only published when something happens
/// (requests, invocations, failed jobs) a gap means nothing went wrong; for figures that are always published (target
/// health, the queue's age) it means the publisher is gone.
/// </remarks>
public sealed class Alarms : Construct
{
    private static readonly Duration FiveMinutes = Duration.Minutes(5);

    private readonly SnsAction _notify;
    private readonly string _prefix;
    private readonly List<Alarm> _all = [];

    public Alarms(Construct scope, string id, Web web, Realtime realtime, AlarmTopic topic) : base(scope, id)
    {
        _notify = new SnsAction(topic.Topic);
        _prefix = Stack.Of(this).StackName;

        // A rate rather than a count, so the threshold holds from ten users to a thousand; but a rate alone would fire
        // on 1 failure in 2 requests at night, so at least 5 errors are needed too.
        Add("WebErrors", "web-5xx-rate", WebErrorRate(web), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2, TreatMissingData.NOT_BREACHING,
            "At least 5% of web requests (and 5 or more) got a 5xx answer, two 5-minute periods running. Check first: the web log group "
            + "for Error lines (README, Logs Insights: errors in the last hour). 502s follow function errors and 503s throttling (see those "
            + "alarms); ELB 503s mean no healthy web task (see web-unhealthy-targets). Began with a deploy? Roll back (README, Rollback).");

        // ALB publishes target health every minute, so a gap is CloudWatch's delay, not a verdict: keep the state.
        Add("WebUnhealthyTargets", "web-unhealthy-targets",
            web.Service.TargetGroup.Metrics.UnhealthyHostCount(new MetricOptions { Statistic = Stats.MAXIMUM, Period = Duration.Minutes(1) }),
            1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 5, TreatMissingData.IGNORE,
            "A web task has failed the load balancer's /health check for 5 minutes. Check first: ECS console, the cluster's web service, "
            + "Events and the stopped tasks' reasons; then the web log group for start-up errors (a setting, the table or the bucket). ECS "
            + "replaces failing tasks by itself; if this began with a deploy that the circuit breaker did not undo, roll back.");

        Add("FunctionErrors", "function-errors", realtime.Alias.MetricErrors(Sum(FiveMinutes)), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
            TreatMissingData.NOT_BREACHING,
            "The function (alias live) failed 5 or more invocations in 5 minutes. Check first: the function's log group for 'Invocation "
            + "... failed' and 'Task timed out' lines. 'Not a prediction request' or row errors mean the web and the function run "
            + "different model cards, a deploy out of step. Began with a deploy? Point live back (README, Rollback).");

        Add("FunctionThrottles", "function-throttles", realtime.Alias.MetricThrottles(Sum(FiveMinutes)), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
            TreatMissingData.NOT_BREACHING,
            "Lambda refused 5 or more predictions in 5 minutes: the function was at its concurrency limit (FunctionReservedConcurrency, "
            + "or the account's unreserved pool), and users were told to retry. Check first: the function's ConcurrentExecutions and "
            + "Invocations graphs. Real traffic: raise FunctionReservedConcurrency, or ask AWS for a higher Lambda concurrency quota. "
            + "Unexpected traffic: find its source in the web log's /api/predict requests.");

        Add("JobsFailed", "batch-jobs-failed", JobMetric(MetricNames.JobsFailed, MetricNames.BatchService, Stats.SUM), 1,
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, TreatMissingData.NOT_BREACHING,
            "A batch job ended FAILED after its retries. Check first: its reason, which its owner sees on /jobs and the batch log group has "
            + "(README, Logs Insights: one job's story). An input problem (header, encoding) is the owner's to fix; a storage or worker "
            + "error is ours: if it began with a deploy, roll back.");

        // Every web task publishes the queue's age every dispatch tick (30 s), also when it is 0: a gap means no web task
        // is measuring the queue, which is itself a stuck queue.
        Add("QueueStuck", "queue-stuck", JobMetric(MetricNames.OldestQueuedJobAge, MetricNames.WebService, Stats.MAXIMUM), 900,
            ComparisonOperator.GREATER_THAN_THRESHOLD, 2, TreatMissingData.BREACHING,
            "A batch job has waited over 15 minutes, two 5-minute periods running, or the web stopped reporting the queue. Check first: "
            + "ECS console, the cluster's Tasks: no batch task running means RunTask fails (the web log: 'RunTask could not start a task'); "
            + "MaxBatchTasks of them running means a backlog, not a fault (raise MaxBatchTasks if it lasts); no data means the web's "
            + "dispatcher fails ('dispatch safety net could not dispatch').");
    }

    public IReadOnlyList<Alarm> All => _all;

    /// <summary>Percent of requests answered 5xx by the load balancer or the web, counted only from 5 errors up.</summary>
    private static MathExpression WebErrorRate(Web web)
    {
        var metrics = web.Service.LoadBalancer.Metrics;
        return new MathExpression(new MathExpressionProps
        {
            // ALB count metrics have no data point when the count is 0, hence FILL. Requests rejected before a target was
            // chosen (ELB 503: no healthy task) are not in RequestCount, so the ELB's own 5xx join the denominator.
            Expression = "IF(FILL(elb, 0) + FILL(target, 0) >= 5, 100 * (FILL(elb, 0) + FILL(target, 0)) / (FILL(requests, 0) + FILL(elb, 0)), 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["elb"] = metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, Sum(FiveMinutes)),
                ["target"] = metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, Sum(FiveMinutes)),
                ["requests"] = metrics.RequestCount(Sum(FiveMinutes)),
            },
            Label = "5xx answers, % of requests",
            Period = FiveMinutes,
        });
    }

    /// <summary>A metric the apps publish as EMF (<see cref="MetricNames"/>), by the service that publishes it.</summary>
    private static Metric JobMetric(string name, string service, string statistic) => new(new MetricProps
    {
        Namespace = MetricNames.Namespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { [MetricNames.ServiceDimension] = service },
        Statistic = statistic,
        Period = FiveMinutes,
    });

    private static MetricOptions Sum(Duration period) => new() { Statistic = Stats.SUM, Period = period };

    private void Add(string id, string name, IMetric metric, double threshold, ComparisonOperator comparison, int periods, TreatMissingData missing, string description)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"{_prefix}-{name}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = missing,
        });
        alarm.AddAlarmAction(_notify);
        alarm.AddOkAction(_notify);
        _all.Add(alarm);
    }
}
