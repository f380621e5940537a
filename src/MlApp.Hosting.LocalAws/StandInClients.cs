using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace MlApp.Hosting.LocalAws;

/// <summary>AWS SDK clients for the AppHost's own provisioning calls against a stand-in.</summary>
/// <remarks>
/// No retries and a short timeout: a stand-in that is still starting should fail this health check at once and be
/// asked again on the next one, not hold it for the SDK's back-off.
/// </remarks>
internal static class StandInClients
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly BasicAWSCredentials Credentials = new(LocalAwsNames.AccessKeyId, LocalAwsNames.SecretAccessKey);

    public static AmazonDynamoDBClient DynamoDb(string serviceUrl) => new(Credentials, new AmazonDynamoDBConfig
    {
        ServiceURL = serviceUrl,
        AuthenticationRegion = LocalAwsNames.Region,
        MaxErrorRetry = 0,
        Timeout = RequestTimeout,
    });

    public static AmazonS3Client S3(string serviceUrl) => new(Credentials, new AmazonS3Config
    {
        ServiceURL = serviceUrl,
        AuthenticationRegion = LocalAwsNames.Region,
        MaxErrorRetry = 0,
        Timeout = RequestTimeout,
    });
}
