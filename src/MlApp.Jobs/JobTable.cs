using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>The job table's shape: one item per job, a sparse queue index and an owner's jobs by creation time.</summary>
public static class JobTable
{
    public static CreateTableRequest CreateRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new(PartitionKey, ScalarAttributeType.S),
            new(JobAttributes.SortKey, ScalarAttributeType.S),
            new(CreatedAt, ScalarAttributeType.S),
            new(QueueShard, ScalarAttributeType.S),
            new(DueAt, ScalarAttributeType.N),
        ],
        KeySchema = [new(PartitionKey, KeyType.HASH), new(JobAttributes.SortKey, KeyType.RANGE)],
        LocalSecondaryIndexes =
        [
            new()
            {
                IndexName = CreatedIndex,
                KeySchema = [new(PartitionKey, KeyType.HASH), new(CreatedAt, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
        GlobalSecondaryIndexes =
        [
            new()
            {
                IndexName = QueueIndex,
                KeySchema = [new(QueueShard, KeyType.HASH), new(DueAt, KeyType.RANGE)],
                // Candidates only: the claim reads and decides on the base item.
                Projection = new Projection
                {
                    ProjectionType = ProjectionType.INCLUDE,
                    NonKeyAttributes = [Status, Attempts],
                },
            },
        ],
    };

    /// <summary>Creates the table unless it exists and waits until it is active. For local stand-ins and tests; CDK owns it in AWS.</summary>
    public static async Task EnsureExistsAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.CreateTableAsync(CreateRequest(tableName), cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Created already, by an earlier start or a racing caller.
        }

        while ((await dynamo.DescribeTableAsync(tableName, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
