using Amazon.DynamoDBv2.Model;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>
/// The one question both sides of the queue ask the index: which jobs of a shard are due now, oldest first. The
/// index is eventually consistent, so the answer is a hint: the worker's claim decides, the dispatcher's count guesses.
/// </summary>
internal static class QueueIndexQuery
{
    public static QueryRequest DueInShard(string tableName, string shard, AttributeValue nowMs)
    {
        const string KeyCondition = $"#{QueueShard} = :shard AND #{DueAt} <= :nowMs";
        return new QueryRequest
        {
            TableName = tableName,
            IndexName = QueueIndex,
            KeyConditionExpression = KeyCondition,
            ExpressionAttributeNames = ExpressionNames.For(KeyCondition),
            ExpressionAttributeValues = new() { [":shard"] = JobItem.S(shard), [":nowMs"] = nowMs },
        };
    }
}
