using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// The dispatcher's side of the queue: how much work waits with nobody doing it. The web's dispatcher sizes its RunTask
/// calls by it and the safety net publishes it for the "stuck queue" alarm. It never changes a job; the worker's side is
/// <see cref="JobQueue"/>.
/// </summary>
public sealed class JobQueueGauge(IAmazonDynamoDB dynamo, IOptions<JobsOptions> options, TimeProvider time)
{
    private readonly JobsOptions _options = options.Value;

    /// <summary>
    /// The claimable jobs (queued and due, or running on an expired lease) and how long the longest-waiting one has been
    /// due; a growing wait means no task is draining the queue. Read from the lagging index, so approximate. One paged
    /// query per shard answers both: it returns only the due times, oldest first.
    /// </summary>
    public async Task<QueueDepth> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = JobItem.EpochMs(now);
        var shards = await Task.WhenAll(JobKeys.AllQueueShards(_options.QueueShards).Select(shard => MeasureShardAsync(shard, nowMs, cancellationToken)));
        var oldestDue = shards.Select(shard => shard.OldestDue).Where(due => due is not null).Min();
        return new QueueDepth(shards.Sum(shard => shard.Due), oldestDue is { } due ? now - due : TimeSpan.Zero);
    }

    private async Task<(int Due, DateTimeOffset? OldestDue)> MeasureShardAsync(string shard, AttributeValue nowMs, CancellationToken cancellationToken)
    {
        var due = 0;
        DateTimeOffset? oldestDue = null;
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = QueueIndexQuery.DueInShard(_options.TableName, shard, nowMs);
            request.ProjectionExpression = $"#{DueAt}";
            request.ExclusiveStartKey = startKey;
            var response = await dynamo.QueryAsync(request, cancellationToken);
            if (oldestDue is null && response.Items is [var first, ..])
            {
                oldestDue = JobItem.ReadEpochMs(first, DueAt);
            }

            due += response.Count ?? 0;
            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return (due, oldestDue);
    }
}
