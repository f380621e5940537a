using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// The worker's side of the job table. The queue index only suggests candidates (it is eventually consistent);
/// every claim, heartbeat and completion is a conditional update of the job itself, so exactly one worker wins.
/// </summary>
public sealed class JobQueue(IAmazonDynamoDB dynamo, IOptions<JobsOptions> options, TimeProvider time)
{
    private const int CandidatesPerShard = 25;
    private const string HeldCondition = $"#{Status} = :running AND #{LeaseOwner} = :lease";

    /// <summary>Ends a job: it leaves the queue index and its lease, and TTL will remove it after the retention.</summary>
    private const string FinishSet = $"SET #{Status} = :status, #{UpdatedAt} = :now, #{FinishedAt} = :now, #{ExpiresAt} = :expiresAt";
    private const string FinishRemove = $" REMOVE #{QueueShard}, #{DueAt}, #{LeaseOwner}, #{LeaseExpiresAt}";

    private readonly JobsOptions _options = options.Value;
    private readonly JobSchedule _schedule = new(options.Value);

    /// <summary>Claims the job that has waited longest, or returns null when nothing is claimable now.</summary>
    public async Task<JobLease?> TryClaimNextAsync(string workerId, CancellationToken cancellationToken)
    {
        foreach (var candidate in await FindDueAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lease = candidate.Exhausted
                ? await FailExhaustedAsync(candidate, cancellationToken)
                : await TryClaimAsync(candidate.OwnerId, candidate.JobId, workerId, cancellationToken);
            if (lease is not null)
            {
                return lease;
            }
        }

        return null;
    }

    /// <summary>How many jobs could be claimed now: queued and due, or running on an expired lease. Read from the lagging index, so approximate.</summary>
    public async Task<int> CountDueAsync(CancellationToken cancellationToken)
    {
        var nowMs = JobItem.EpochMs(time.GetUtcNow());
        var counts = await Task.WhenAll(JobKeys.AllQueueShards(_options.QueueShards).Select(shard => CountShardAsync(shard, nowMs, cancellationToken)));
        return counts.Sum();
    }

    /// <summary>
    /// How much work waits with nobody doing it: the claimable jobs, and how long the longest-waiting one has been due.
    /// A growing wait means no task is draining the queue (the "stuck queue" alarm).
    /// </summary>
    public async Task<QueueDepth> MeasureAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = JobItem.EpochMs(now);
        var shards = JobKeys.AllQueueShards(_options.QueueShards).ToList();
        var counts = await Task.WhenAll(shards.Select(shard => CountShardAsync(shard, nowMs, cancellationToken)));
        var oldest = await Task.WhenAll(shards.Select(shard => OldestDueInShardAsync(shard, nowMs, cancellationToken)));
        var oldestDue = oldest.Where(due => due is not null).Min();
        return new QueueDepth(counts.Sum(), oldestDue is { } due ? now - due : TimeSpan.Zero);
    }

    private async Task<DateTimeOffset?> OldestDueInShardAsync(string shard, AttributeValue nowMs, CancellationToken cancellationToken)
    {
        var request = DueInShard(shard, nowMs);
        request.Limit = 1;
        var response = await dynamo.QueryAsync(request, cancellationToken);
        return response.Items is [var first, ..] ? JobItem.ReadEpochMs(first, DueAt) : null;
    }

    /// <summary>
    /// Takes the job if it is queued and due, or running with an expired lease; null if another worker got there first.
    /// <paramref name="cancellationToken"/> stops it only before the claim is sent: a claim cancelled in flight may still
    /// land, leaving the job held (and an attempt spent) by a worker that never learnt of it, so once sent it runs to its
    /// answer (bounded by <see cref="JobsOptions.DynamoDbTimeout"/>) and the caller gets the lease to run or give back.
    /// </summary>
    public async Task<JobLease?> TryClaimAsync(string ownerId, string jobId, string workerId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        const string Condition =
            $"((#{Status} = :queued AND #{DueAt} <= :nowMs) OR (#{Status} = :running AND #{LeaseExpiresAt} <= :nowMs)) AND #{Attempts} < :maxAttempts";
        const string Update =
            $"SET #{Status} = :running, #{LeaseOwner} = :lease, #{LeaseExpiresAt} = :leaseEnd, #{DueAt} = :leaseEnd, " +
            $"#{UpdatedAt} = :now, #{StartedAt} = :now, #{Attempts} = #{Attempts} + :one";

        var now = time.GetUtcNow();
        try
        {
            var response = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _options.TableName,
                Key = JobItem.Key(ownerId, jobId),
                ConditionExpression = Condition,
                UpdateExpression = Update,
                ExpressionAttributeNames = ExpressionNames.For(Condition, Update),
                ExpressionAttributeValues = new()
                {
                    [":queued"] = JobItem.S(JobStatus.Queued.ToStored()),
                    [":running"] = JobItem.S(JobStatus.Running.ToStored()),
                    [":nowMs"] = JobItem.EpochMs(now),
                    [":maxAttempts"] = JobItem.N(_options.MaxAttempts),
                    [":lease"] = JobItem.S($"{workerId}/{Guid.NewGuid():N}"),
                    [":leaseEnd"] = JobItem.EpochMs(_schedule.LeaseEnd(now)),
                    [":now"] = JobItem.Time(now),
                    [":one"] = JobItem.N(1),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, CancellationToken.None);
            return new JobLease(JobItem.FromItem(response.Attributes));
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Extends the lease and records progress. Throws <see cref="JobLeaseLostException"/> when the job is no longer ours,
    /// and <see cref="TimeoutException"/> when DynamoDB does not answer within a third of the lease.
    /// </summary>
    public async Task<JobLease> HeartbeatAsync(JobLease lease, long rowsDone, CancellationToken cancellationToken)
    {
        const string Update = $"SET #{LeaseExpiresAt} = :leaseEnd, #{DueAt} = :leaseEnd, #{RowsDone} = :rowsDone, #{UpdatedAt} = :now";
        // The SDK's own retries of a request that gets no answer outlast the lease; a beat that cannot land within a
        // third of it has failed, and the caller must hear so while a later beat can still save the lease.
        var budget = _options.LeaseDuration / 3;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        var now = time.GetUtcNow();
        try
        {
            return new JobLease(await UpdateHeldAsync(lease, Update, new()
            {
                [":leaseEnd"] = JobItem.EpochMs(_schedule.LeaseEnd(now)),
                [":rowsDone"] = JobItem.N(rowsDone),
                [":now"] = JobItem.Time(now),
            }, deadline.Token));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"DynamoDB did not answer the heartbeat of job {lease.Job.JobId} within {budget.TotalSeconds:0.#} s.", e);
        }
    }

    /// <summary>
    /// Marks the job SUCCEEDED, with the <paramref name="device"/> the model ran it on. Call it after the result is in S3,
    /// so a success always has its file.
    /// </summary>
    public Task<Job> CompleteAsync(JobLease lease, string resultKey, long rowsTotal, string device, CancellationToken cancellationToken)
    {
        const string Update = $"{FinishSet}, #{ResultKey} = :resultKey, #{RowsTotal} = :rows, #{RowsDone} = :rows, #{Device} = :device{FinishRemove}";
        return FinalWriteAsync(lease, Update, FinishValues(JobStatus.Succeeded, new()
        {
            [":resultKey"] = JobItem.S(resultKey),
            [":rows"] = JobItem.N(rowsTotal),
            [":device"] = JobItem.S(device),
        }), cancellationToken);
    }

    /// <summary>Records a job-level failure: back to QUEUED after a backoff while attempts remain, FAILED after the last.</summary>
    public Task<Job> FailAsync(JobLease lease, string error, CancellationToken cancellationToken)
    {
        var attempts = lease.Job.Attempts;
        if (!_schedule.MayRetry(attempts))
        {
            const string FailUpdate = $"{FinishSet}, #{LastError} = :error{FinishRemove}";
            return FinalWriteAsync(lease, FailUpdate, FinishValues(JobStatus.Failed, new()
            {
                [":error"] = JobItem.S(JobErrors.Describe($"Failed after {attempts} attempts. Last error: {error}")),
            }), cancellationToken);
        }

        const string RetryUpdate =
            $"SET #{Status} = :queued, #{DueAt} = :retryAt, #{LastError} = :error, #{UpdatedAt} = :now REMOVE #{LeaseOwner}, #{LeaseExpiresAt}";
        var now = time.GetUtcNow();
        return FinalWriteAsync(lease, RetryUpdate, new()
        {
            [":queued"] = JobItem.S(JobStatus.Queued.ToStored()),
            [":retryAt"] = JobItem.EpochMs(_schedule.RetryAt(now, attempts)),
            [":error"] = JobItem.S(JobErrors.Describe($"Attempt {attempts} failed: {error}")),
            [":now"] = JobItem.Time(now),
        }, cancellationToken);
    }

    /// <summary>
    /// Gives a held job back unfinished (the worker was told to stop): QUEUED and due at once, so the next worker need not
    /// wait for the lease to lapse. The interrupted claim is refunded, because a stop request says nothing about the job.
    /// Throws <see cref="JobLeaseLostException"/> when the job is no longer ours.
    /// </summary>
    public Task<Job> ReleaseAsync(JobLease lease, CancellationToken cancellationToken)
    {
        const string Update =
            $"SET #{Status} = :queued, #{DueAt} = :nowMs, #{UpdatedAt} = :now, #{RowsDone} = :zero, #{Attempts} = #{Attempts} - :one " +
            $"REMOVE #{LeaseOwner}, #{LeaseExpiresAt}";
        var now = time.GetUtcNow();
        return FinalWriteAsync(lease, Update, new()
        {
            [":queued"] = JobItem.S(JobStatus.Queued.ToStored()),
            [":nowMs"] = JobItem.EpochMs(now),
            [":now"] = JobItem.Time(now),
            [":zero"] = JobItem.N(0),
            [":one"] = JobItem.N(1),
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<QueueCandidate>> FindDueAsync(CancellationToken cancellationToken)
    {
        var nowMs = JobItem.EpochMs(time.GetUtcNow());
        var shards = await Task.WhenAll(JobKeys.AllQueueShards(_options.QueueShards).Select(shard => QueryShardAsync(shard, nowMs, cancellationToken)));
        return shards.SelectMany(candidates => candidates).OrderBy(candidate => candidate.DueAtMs).ToList();
    }

    private async Task<IEnumerable<QueueCandidate>> QueryShardAsync(string shard, AttributeValue nowMs, CancellationToken cancellationToken)
    {
        var request = DueInShard(shard, nowMs);
        request.Limit = CandidatesPerShard;
        var response = await dynamo.QueryAsync(request, cancellationToken);
        return (response.Items ?? []).Select(item => QueueCandidate.From(item, _options.MaxAttempts));
    }

    private QueryRequest DueInShard(string shard, AttributeValue nowMs)
    {
        const string KeyCondition = $"#{QueueShard} = :shard AND #{DueAt} <= :nowMs";
        return new QueryRequest
        {
            TableName = _options.TableName,
            IndexName = QueueIndex,
            KeyConditionExpression = KeyCondition,
            ExpressionAttributeNames = ExpressionNames.For(KeyCondition),
            ExpressionAttributeValues = new() { [":shard"] = JobItem.S(shard), [":nowMs"] = nowMs },
        };
    }

    private async Task<int> CountShardAsync(string shard, AttributeValue nowMs, CancellationToken cancellationToken)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = DueInShard(shard, nowMs);
            request.Select = Select.COUNT;
            request.ExclusiveStartKey = startKey;
            var response = await dynamo.QueryAsync(request, cancellationToken);
            count += response.Count ?? 0;
            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return count;
    }

    /// <summary>A running job whose lease lapsed on its last allowed attempt: its workers kept dying, so it fails for good.</summary>
    private async Task<JobLease?> FailExhaustedAsync(QueueCandidate candidate, CancellationToken cancellationToken)
    {
        const string Condition = $"#{Status} = :running AND #{LeaseExpiresAt} <= :nowMs AND #{Attempts} >= :maxAttempts";
        const string Update = $"{FinishSet}, #{LastError} = :error{FinishRemove}";
        var now = time.GetUtcNow();
        var values = FinishValues(JobStatus.Failed, new()
        {
            [":running"] = JobItem.S(JobStatus.Running.ToStored()),
            [":nowMs"] = JobItem.EpochMs(now),
            [":maxAttempts"] = JobItem.N(_options.MaxAttempts),
            [":error"] = JobItem.S($"Failed after {candidate.Attempts} attempts: the worker stopped (crashed or was killed) before finishing each time."),
        });
        try
        {
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _options.TableName,
                Key = JobItem.Key(candidate.OwnerId, candidate.JobId),
                ConditionExpression = Condition,
                UpdateExpression = Update,
                ExpressionAttributeNames = ExpressionNames.For(Condition, Update),
                ExpressionAttributeValues = values,
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone else settled it first.
        }

        return null;
    }

    private Dictionary<string, AttributeValue> FinishValues(JobStatus status, Dictionary<string, AttributeValue> values)
    {
        var now = time.GetUtcNow();
        values[":status"] = JobItem.S(status.ToStored());
        values[":now"] = JobItem.Time(now);
        values[":expiresAt"] = JobItem.EpochSeconds(_schedule.ExpiresAt(now));
        return values;
    }

    /// <summary>Complete, fail and release: retried within the caller's budget, see <see cref="JobFinalWrite"/>.</summary>
    private Task<Job> FinalWriteAsync(JobLease lease, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken) =>
        JobFinalWrite.PersistAsync(token => UpdateHeldAsync(lease, update, values, token), time, cancellationToken);

    private async Task<Job> UpdateHeldAsync(JobLease lease, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        values[":running"] = JobItem.S(JobStatus.Running.ToStored());
        values[":lease"] = JobItem.S(lease.Token);
        try
        {
            var response = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _options.TableName,
                Key = JobItem.Key(lease.Job.OwnerId, lease.Job.JobId),
                ConditionExpression = HeldCondition,
                UpdateExpression = update,
                ExpressionAttributeNames = ExpressionNames.For(HeldCondition, update),
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return JobItem.FromItem(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new JobLeaseLostException(lease.Job.JobId);
        }
    }
}
