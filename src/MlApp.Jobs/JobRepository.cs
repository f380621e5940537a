using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// The owner's side of the job table: create, read, list and cancel. Every call takes the owner id and uses it
/// in the key, so another owner's job is simply not found.
/// </summary>
public sealed class JobRepository(IAmazonDynamoDB dynamo, IOptions<JobsOptions> options, TimeProvider time)
{
    public const int MaxPageSize = 100;

    private readonly JobsOptions _options = options.Value;
    private readonly JobItemUpdate _update = new(dynamo, options.Value, time);

    /// <summary>Creates the job as QUEUED, once: a second create with the same job id returns the stored job unchanged.</summary>
    public async Task<JobCreation> CreateAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var job = new Job
        {
            OwnerId = submission.OwnerId,
            JobId = submission.JobId,
            Status = JobStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
            DueAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            InputKey = submission.InputKey ?? JobKeys.InputKey(submission.OwnerId, submission.JobId),
            RowsTotal = submission.RowsTotal,
            TraceParent = submission.TraceParent,
            IdempotencyKey = submission.IdempotencyKey,
            RequestFingerprint = submission.RequestFingerprint,
            ModelVersion = submission.ModelVersion,
        };

        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = _options.TableName,
                Item = JobItem.ToItem(job, JobKeys.QueueShard(job.JobId, _options.QueueShards)),
                ConditionExpression = $"attribute_not_exists(#{PartitionKey})",
                ExpressionAttributeNames = ExpressionNames.For($"#{PartitionKey}"),
            }, cancellationToken);
            return new JobCreation(job, Created: true);
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await GetAsync(submission.OwnerId, submission.JobId, cancellationToken)
                ?? throw new InvalidOperationException($"Job {submission.JobId} exists by its condition but could not be read.");
            return new JobCreation(existing, Created: false);
        }
    }

    public async Task<Job?> GetAsync(string ownerId, string jobId, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _options.TableName,
            Key = JobItem.Key(ownerId, jobId),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? JobItem.FromItem(item) : null;
    }

    /// <summary>The owner's jobs, newest first.</summary>
    public async Task<JobPage> ListAsync(string ownerId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        const string KeyCondition = $"#{PartitionKey} = :pk";
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = _options.TableName,
            IndexName = CreatedIndex,
            KeyConditionExpression = KeyCondition,
            ExpressionAttributeNames = ExpressionNames.For(KeyCondition),
            ExpressionAttributeValues = new() { [":pk"] = JobItem.S(JobKeys.PartitionKey(ownerId)) },
            ScanIndexForward = false,
            Limit = pageSize,
            ExclusiveStartKey = JobPageToken.ToStartKey(ownerId, pageToken),
        }, cancellationToken);

        var jobs = (response.Items ?? []).Select(JobItem.FromItem).ToList();
        return new JobPage(jobs, JobPageToken.From(response.LastEvaluatedKey));
    }

    /// <summary>Cancels a job that is still queued; one that runs or has finished is left as it is.</summary>
    public async Task<CancelResult> CancelAsync(string ownerId, string jobId, CancellationToken cancellationToken)
    {
        const string CancelCondition = $"#{Status} = :queued";
        const string CancelUpdate = $"SET #{Status} = :cancelled, #{UpdatedAt} = :now, #{FinishedAt} = :now, #{ExpiresAt} = :expiresAt REMOVE #{QueueShard}, #{DueAt}";
        var now = time.GetUtcNow();
        var cancelled = await _update.TryAsync(ownerId, jobId, CancelCondition, CancelUpdate, new()
        {
            [":queued"] = JobItem.S(JobStatus.Queued.ToStored()),
            [":cancelled"] = JobItem.S(JobStatus.Cancelled.ToStored()),
            [":now"] = JobItem.Time(now),
            [":expiresAt"] = JobItem.EpochSeconds(new JobSchedule(_options).ExpiresAt(now)),
        }, cancellationToken);
        if (cancelled is null)
        {
            // The condition also fails for a missing item; one consistent read tells the two apart.
            var job = await GetAsync(ownerId, jobId, cancellationToken);
            return new CancelResult(job is null ? CancelOutcome.NotFound : CancelOutcome.NotQueued, job);
        }

        return new CancelResult(CancelOutcome.Cancelled, cancelled);
    }
}
