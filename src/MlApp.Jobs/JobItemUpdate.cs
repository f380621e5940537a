using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// The one kind of write that changes a job's state (claim, heartbeat, finish, release, cancel): a conditional update of
/// its item that returns the job as stored, so no write needs a read after it. Whether the condition held is the answer.
/// </summary>
internal sealed class JobItemUpdate(IAmazonDynamoDB dynamo, JobsOptions options, TimeProvider time)
{
    /// <summary>Ends a job: it leaves the queue index and its lease, and TTL will remove it after the retention.</summary>
    public const string FinishSet = $"SET #{Status} = :status, #{UpdatedAt} = :now, #{FinishedAt} = :now, #{ExpiresAt} = :expiresAt";

    public const string FinishRemove = $" REMOVE #{QueueShard}, #{DueAt}, #{LeaseOwner}, #{LeaseExpiresAt}";

    private readonly JobSchedule _schedule = new(options);

    /// <summary>The job as stored after the update, or null when <paramref name="condition"/> did not hold.</summary>
    public async Task<Job?> TryAsync(string ownerId, string jobId, string condition, string update, Dictionary<string, AttributeValue> values,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = options.TableName,
                Key = JobItem.Key(ownerId, jobId),
                ConditionExpression = condition,
                UpdateExpression = update,
                ExpressionAttributeNames = ExpressionNames.For(condition, update),
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return JobItem.FromItem(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Adds what <see cref="FinishSet"/> needs for a job that ends now in <paramref name="status"/>.</summary>
    public Dictionary<string, AttributeValue> FinishValues(JobStatus status, Dictionary<string, AttributeValue> values)
    {
        var now = time.GetUtcNow();
        values[":status"] = JobItem.S(status.ToStored());
        values[":now"] = JobItem.Time(now);
        values[":expiresAt"] = JobItem.EpochSeconds(_schedule.ExpiresAt(now));
        return values;
    }
}
