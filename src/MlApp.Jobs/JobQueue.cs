using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// The worker's side of the queue: claim, heartbeat, complete, fail, release. The queue index only suggests candidates
/// (it is eventually consistent); every claim, heartbeat and completion is a conditional update of the job itself, so
/// exactly one worker wins. One instance per worker process: it remembers the candidates of its last look. The
/// dispatcher's side, which only counts, is <see cref="JobQueueGauge"/>.
/// </summary>
public sealed class JobQueue(IAmazonDynamoDB dynamo, IOptions<JobsOptions> options, TimeProvider time)
{
    private const string HeldCondition = $"#{Status} = :running AND #{LeaseOwner} = :lease";
    private const string FinishSet = JobItemUpdate.FinishSet;
    private const string FinishRemove = JobItemUpdate.FinishRemove;

    private readonly JobsOptions _options = options.Value;
    private readonly JobSchedule _schedule = new(options.Value);
    private readonly DueCandidates _candidates = new(dynamo, options.Value, Random.Shared);
    private readonly JobItemUpdate _update = new(dynamo, options.Value, time);

    /// <summary>
    /// Claims a due job, or returns null when a fresh look at the queue finds nothing claimable. Candidates come from the
    /// last look while it has some (see <see cref="DueCandidates"/>); a claim lost to another worker says that list is
    /// stale, so the next candidate comes from a new look.
    /// </summary>
    public async Task<JobLease?> TryClaimNextAsync(string workerId, CancellationToken cancellationToken)
    {
        var looked = false;
        while (true)
        {
            if (!_candidates.TryTake(out var candidate))
            {
                if (looked)
                {
                    return null;
                }

                await _candidates.LookAsync(JobItem.EpochMs(time.GetUtcNow()), cancellationToken);
                looked = true;
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (candidate.Exhausted)
            {
                await FailExhaustedAsync(candidate, cancellationToken);
            }
            else if (await TryClaimAsync(candidate.OwnerId, candidate.JobId, workerId, cancellationToken) is { } lease)
            {
                return lease;
            }
            else if (!looked)
            {
                // Lost to another worker on a list from an earlier look: whatever else it holds may be gone too.
                _candidates.Forget();
            }
        }
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
        var claimed = await _update.TryAsync(ownerId, jobId, Condition, Update, new()
        {
            [":queued"] = JobItem.S(JobStatus.Queued.ToStored()),
            [":running"] = JobItem.S(JobStatus.Running.ToStored()),
            [":nowMs"] = JobItem.EpochMs(now),
            [":maxAttempts"] = JobItem.N(_options.MaxAttempts),
            [":lease"] = JobItem.S($"{workerId}/{Guid.NewGuid():N}"),
            [":leaseEnd"] = JobItem.EpochMs(_schedule.LeaseEnd(now)),
            [":now"] = JobItem.Time(now),
            [":one"] = JobItem.N(1),
        }, CancellationToken.None);
        return claimed is null ? null : new JobLease(claimed);
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

    /// <summary>Marks the job SUCCEEDED. Call it after the result is in S3, so a success always has its file.</summary>
    public Task<Job> CompleteAsync(JobLease lease, string resultKey, long rowsTotal, CancellationToken cancellationToken)
    {
        const string Update = $"{FinishSet}, #{ResultKey} = :resultKey, #{RowsTotal} = :rows, #{RowsDone} = :rows{FinishRemove}";
        return FinalWriteAsync(lease, Update, _update.FinishValues(JobStatus.Succeeded, new()
        {
            [":resultKey"] = JobItem.S(resultKey),
            [":rows"] = JobItem.N(rowsTotal),
        }), cancellationToken);
    }

    /// <summary>Records a job-level failure: back to QUEUED after a backoff while attempts remain, FAILED after the last.</summary>
    public Task<Job> FailAsync(JobLease lease, string error, CancellationToken cancellationToken)
    {
        var attempts = lease.Job.Attempts;
        if (!_schedule.MayRetry(attempts))
        {
            const string FailUpdate = $"{FinishSet}, #{LastError} = :error{FinishRemove}";
            return FinalWriteAsync(lease, FailUpdate, _update.FinishValues(JobStatus.Failed, new()
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

    /// <summary>A running job whose lease lapsed on its last allowed attempt: its workers kept dying, so it fails for good.</summary>
    private async Task FailExhaustedAsync(QueueCandidate candidate, CancellationToken cancellationToken)
    {
        const string Condition = $"#{Status} = :running AND #{LeaseExpiresAt} <= :nowMs AND #{Attempts} >= :maxAttempts";
        const string Update = $"{FinishSet}, #{LastError} = :error{FinishRemove}";
        var now = time.GetUtcNow();
        // Null when someone else settled it first.
        await _update.TryAsync(candidate.OwnerId, candidate.JobId, Condition, Update, _update.FinishValues(JobStatus.Failed, new()
        {
            [":running"] = JobItem.S(JobStatus.Running.ToStored()),
            [":nowMs"] = JobItem.EpochMs(now),
            [":maxAttempts"] = JobItem.N(_options.MaxAttempts),
            [":error"] = JobItem.S($"Failed after {candidate.Attempts} attempts: the worker stopped (crashed or was killed) before finishing each time."),
        }), cancellationToken);
    }

    /// <summary>Complete, fail and release: retried within the caller's budget, see <see cref="JobFinalWrite"/>.</summary>
    private Task<Job> FinalWriteAsync(JobLease lease, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken) =>
        JobFinalWrite.PersistAsync(token => UpdateHeldAsync(lease, update, values, token), time, cancellationToken);

    private async Task<Job> UpdateHeldAsync(JobLease lease, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        values[":running"] = JobItem.S(JobStatus.Running.ToStored());
        values[":lease"] = JobItem.S(lease.Token);
        return await _update.TryAsync(lease.Job.OwnerId, lease.Job.JobId, HeldCondition, update, values, cancellationToken)
            ?? throw new JobLeaseLostException(lease.Job.JobId);
    }
}
