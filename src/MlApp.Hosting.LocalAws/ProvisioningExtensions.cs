using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlApp.Jobs;

namespace MlApp.Hosting.LocalAws;

/// <summary>Ties provisioning to a stand-in's health, so that "healthy" means "the table and bucket exist", not just "listening".</summary>
internal static class ProvisioningExtensions
{
    // Room for a stand-in to finish starting (see StandInStartup) plus one provisioning round, short enough to retry soon.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public static void WithJobTable(this IResourceBuilder<IResource> standIn, EndpointReference endpoint) =>
        standIn.WithProvisioningCheck("job-table", new ProvisioningHealthCheck(endpoint, "DynamoDB", $"Table {LocalAwsNames.TableName}",
            async (url, cancellationToken) =>
            {
                using var dynamo = StandInClients.DynamoDb(url);
                await JobTable.EnsureExistsAsync(dynamo, LocalAwsNames.TableName, cancellationToken);
            }));

    public static void WithJobBucket(this IResourceBuilder<IResource> standIn, EndpointReference endpoint) =>
        standIn.WithProvisioningCheck("job-bucket", new ProvisioningHealthCheck(endpoint, "S3", $"Bucket {LocalAwsNames.BucketName}",
            async (url, cancellationToken) =>
            {
                using var s3 = StandInClients.S3(url);
                await JobBucket.EnsureExistsAsync(s3, LocalAwsNames.BucketName, cancellationToken);
            }));

    private static void WithProvisioningCheck(this IResourceBuilder<IResource> standIn, string what, IHealthCheck check)
    {
        var key = $"{standIn.Resource.Name}-{what}";
        standIn.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, check, failureStatus: null, tags: null, timeout: CheckTimeout));
        standIn.WithHealthCheck(key);
    }
}
