using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.DynamoDBv2.Model;
using Constructs;
using MlApp.Jobs;
using CdkAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using SdkProjection = Amazon.DynamoDBv2.ProjectionType;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The job table in CDK terms, translated from <see cref="JobTable.CreateRequest"/>: the one shape the app, the local
/// stand-ins and AWS share, so a new index cannot reach one and miss the other.
/// </summary>
public static class JobTableSchema
{
    public static Table Create(Construct scope, string id)
    {
        var request = JobTable.CreateRequest("schema");
        var table = new Table(scope, id, new TableProps
        {
            PartitionKey = Key(request, request.KeySchema, "HASH"),
            SortKey = Key(request, request.KeySchema, "RANGE"),
            BillingMode = request.BillingMode == Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            TimeToLiveAttribute = JobAttributes.ExpiresAt,
            // The jobs are the users' data: `cdk destroy` leaves the table (README, "Deploy to AWS").
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        foreach (var index in request.LocalSecondaryIndexes)
        {
            table.AddLocalSecondaryIndex(new LocalSecondaryIndexProps
            {
                IndexName = index.IndexName,
                SortKey = Key(request, index.KeySchema, "RANGE"),
                ProjectionType = Projection(index.Projection),
                NonKeyAttributes = NonKeyAttributes(index.Projection),
            });
        }

        foreach (var index in request.GlobalSecondaryIndexes)
        {
            table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
            {
                IndexName = index.IndexName,
                PartitionKey = Key(request, index.KeySchema, "HASH"),
                SortKey = Key(request, index.KeySchema, "RANGE"),
                ProjectionType = Projection(index.Projection),
                NonKeyAttributes = NonKeyAttributes(index.Projection),
            });
        }

        return table;
    }

    private static CdkAttribute Key(CreateTableRequest request, List<KeySchemaElement> schema, string keyType)
    {
        var name = schema.Single(key => key.KeyType == keyType).AttributeName;
        var type = request.AttributeDefinitions.Single(attribute => attribute.AttributeName == name).AttributeType.Value;
        return new CdkAttribute
        {
            Name = name,
            Type = type switch { "S" => AttributeType.STRING, "N" => AttributeType.NUMBER, _ => AttributeType.BINARY },
        };
    }

    private static ProjectionType Projection(Amazon.DynamoDBv2.Model.Projection projection) => projection.ProjectionType.Value switch
    {
        var type when type == SdkProjection.ALL.Value => ProjectionType.ALL,
        var type when type == SdkProjection.KEYS_ONLY.Value => ProjectionType.KEYS_ONLY,
        _ => ProjectionType.INCLUDE,
    };

    private static string[]? NonKeyAttributes(Amazon.DynamoDBv2.Model.Projection projection) =>
        projection.NonKeyAttributes is { Count: > 0 } attributes ? [.. attributes] : null;
}
