using System.Text.Json.Nodes;
using MlApp.Hosting.Aws.Cdk;
using MlApp.Jobs;

namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class DataTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_table_has_the_shape_the_app_creates_locally()
    {
        var expected = JobTable.CreateRequest("any");
        var (_, table) = stacks.Default.Single("AWS::DynamoDB::Table");
        var properties = table["Properties"]!;

        Assert.Equal("PAY_PER_REQUEST", (string?)properties["BillingMode"]);
        Assert.Equal(
            expected.AttributeDefinitions.Select(attribute => $"{attribute.AttributeName}:{attribute.AttributeType.Value}").Order(),
            properties["AttributeDefinitions"]!.AsArray().Select(attribute => $"{attribute!["AttributeName"]}:{attribute["AttributeType"]}").Order());
        Assert.Equal(Keys(expected.KeySchema.Select(key => (key.AttributeName, key.KeyType.Value))), Keys(properties["KeySchema"]!));

        var queue = expected.GlobalSecondaryIndexes.Single();
        var index = properties["GlobalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal(JobAttributes.QueueIndex, (string?)index["IndexName"]);
        Assert.Equal(Keys(queue.KeySchema.Select(key => (key.AttributeName, key.KeyType.Value))), Keys(index["KeySchema"]!));
        Assert.Equal("INCLUDE", (string?)index["Projection"]!["ProjectionType"]);
        Assert.Equal(queue.Projection.NonKeyAttributes.Order(), index["Projection"]!["NonKeyAttributes"]!.AsArray().Select(name => (string)name!).Order());

        var created = properties["LocalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal(JobAttributes.CreatedIndex, (string?)created["IndexName"]);
        Assert.Equal("ALL", (string?)created["Projection"]!["ProjectionType"]);
    }

    [Fact]
    public void Finished_jobs_expire_through_the_TTL_attribute_the_app_writes()
    {
        var ttl = stacks.Default.Single("AWS::DynamoDB::Table").Resource["Properties"]!["TimeToLiveSpecification"]!;

        Assert.Equal(JobAttributes.ExpiresAt, (string?)ttl["AttributeName"]);
        Assert.True((bool)ttl["Enabled"]!);
    }

    [Fact]
    public void The_bucket_blocks_public_access_is_encrypted_and_has_one_owner()
    {
        var bucket = stacks.Default.Single("AWS::S3::Bucket").Resource["Properties"]!;

        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.Equal(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], block.Select(setting => setting.Key).Order());
        Assert.All(block, setting => Assert.True((bool)setting.Value!));
        Assert.Equal("AES256", (string?)bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);
        Assert.Equal("BucketOwnerEnforced", (string?)bucket["OwnershipControls"]!["Rules"]![0]!["ObjectOwnership"]);
    }

    [Fact]
    public void The_bucket_denies_every_request_without_TLS()
    {
        var (bucketId, _) = stacks.Default.Single("AWS::S3::Bucket");
        var policy = stacks.Default.Single("AWS::S3::BucketPolicy").Resource["Properties"]!;

        Assert.Equal(bucketId, StackTemplate.Target(policy["Bucket"]));
        var deny = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("Deny", (string?)deny["Effect"]);
        Assert.Equal("s3:*", (string?)deny["Action"]);
        Assert.Equal("*", (string?)deny["Principal"]!["AWS"]);
        Assert.Equal("false", (string?)deny["Condition"]!["Bool"]!["aws:SecureTransport"]);
        var resources = deny["Resource"]!.AsArray().Select(resource => resource!.ToJsonString()).ToList();
        Assert.Contains(resources, resource => resource.Contains(bucketId, StringComparison.Ordinal) && !resource.Contains("/*", StringComparison.Ordinal));
        Assert.Contains(resources, resource => resource.Contains("/*", StringComparison.Ordinal));
    }

    [Fact]
    public void Inputs_and_results_expire_and_cut_off_uploads_are_cleaned_up()
    {
        var rules = stacks.Default.Single("AWS::S3::Bucket").Resource["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray();

        Assert.Equal(7, (int)Rule(rules, "expire-inputs")["ExpirationInDays"]!);
        Assert.Equal(Data.InputsPrefix, (string?)Rule(rules, "expire-inputs")["Prefix"]);
        Assert.Equal(30, (int)Rule(rules, "expire-results")["ExpirationInDays"]!);
        Assert.Equal(Data.ResultsPrefix, (string?)Rule(rules, "expire-results")["Prefix"]);
        Assert.Equal(1, (int)Rule(rules, "abort-incomplete-uploads")["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!);
        Assert.DoesNotContain(rules, rule => ((string?)rule!["Prefix"] ?? "").StartsWith(Data.DataProtectionPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_policy_prefixes_are_the_ones_the_app_writes_to()
    {
        Assert.StartsWith(Data.InputsPrefix, JobKeys.InputKey("owner", new string('a', 32)), StringComparison.Ordinal);
        Assert.StartsWith(Data.InputsPrefix, JobKeys.UploadKey("owner", new string('a', 32), Guid.NewGuid()), StringComparison.Ordinal);
        Assert.StartsWith(Data.ResultsPrefix, JobKeys.ResultKey("owner", new string('a', 32)), StringComparison.Ordinal);
    }

    [Fact]
    public void Destroying_the_stack_keeps_the_users_data()
    {
        Assert.Equal("Retain", (string?)stacks.Default.Single("AWS::DynamoDB::Table").Resource["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)stacks.Default.Single("AWS::S3::Bucket").Resource["DeletionPolicy"]);
    }

    private static IEnumerable<string> Keys(IEnumerable<(string Name, string Type)> keys) => keys.Select(key => $"{key.Name}:{key.Type}");

    private static IEnumerable<string> Keys(JsonNode schema) =>
        schema.AsArray().Select(key => $"{key!["AttributeName"]}:{key["KeyType"]}");

    private static JsonNode Rule(JsonArray rules, string id) => rules.Single(rule => (string?)rule!["Id"] == id)!;
}
