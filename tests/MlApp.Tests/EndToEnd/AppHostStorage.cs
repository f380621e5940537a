using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MlApp.Tests.EndToEnd;

/// <summary>
/// The running AppHost's DynamoDB and S3 stand-ins, reached the way its projects reach them: with the variables a
/// running project was given, read from that project rather than from the AppHost's code.
/// </summary>
public sealed class AppHostStorage : IAsyncDisposable
{
    private AppHostStorage(IReadOnlyDictionary<string, string> environment)
    {
        Environment = environment;
        var credentials = new BasicAWSCredentials(environment["AWS_ACCESS_KEY_ID"], environment["AWS_SECRET_ACCESS_KEY"]);
        Dynamo = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = environment["AWS_ENDPOINT_URL_DYNAMODB"],
            AuthenticationRegion = environment["AWS_REGION"],
        });
        S3 = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = environment["AWS_ENDPOINT_URL_S3"],
            AuthenticationRegion = environment["AWS_REGION"],
        });
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public IAmazonDynamoDB Dynamo { get; }

    public IAmazonS3 S3 { get; }

    public string BucketName => Environment["Jobs__BucketName"];

    public static async Task<AppHostStorage> ConnectAsync(AppHostFixture fixture)
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        var function = await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(
            "realtime-function", WaitBehavior.StopOnResourceUnavailable, timeout.Token);
        return new AppHostStorage(function.Snapshot.EnvironmentVariables.ToDictionary(variable => variable.Name, variable => variable.Value ?? ""));
    }

    public async Task<int> CountObjectsAsync(string prefix)
    {
        var count = 0;
        var request = new ListObjectsV2Request { BucketName = BucketName, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await S3.ListObjectsV2Async(request);
            count += page.S3Objects?.Count ?? 0;
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return count;
    }

    public ValueTask DisposeAsync()
    {
        Dynamo.Dispose();
        S3.Dispose();
        return ValueTask.CompletedTask;
    }
}
