using Amazon.DynamoDBv2.Model;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>A job the queue index says may be claimable. The index lags, so this is a hint, never a decision.</summary>
internal sealed record QueueCandidate(string OwnerId, string JobId, long DueAtMs, int Attempts, bool Exhausted)
{
    public static QueueCandidate From(Dictionary<string, AttributeValue> item, int maxAttempts)
    {
        var attempts = int.Parse(item[JobAttributes.Attempts].N);
        var running = item[Status].S == JobStatus.Running.ToStored();
        return new QueueCandidate(
            JobKeys.OwnerIdFrom(item[PartitionKey].S),
            JobKeys.JobIdFrom(item[JobAttributes.SortKey].S),
            long.Parse(item[DueAt].N),
            attempts,
            Exhausted: running && attempts >= maxAttempts);
    }
}
