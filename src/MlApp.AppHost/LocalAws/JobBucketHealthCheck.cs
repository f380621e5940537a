using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlApp.Jobs;

namespace MlApp.AppHost.LocalAws;

/// <summary>Healthy once the data bucket exists in the S3 stand-in; creates it if not, so a project's WaitFor also waits for provisioning.</summary>
/// <remarks>Runs on every check, not once: a restarted in-memory stand-in comes back empty and gets its bucket again.</remarks>
internal sealed class JobBucketHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var url = StandInUrl.Of(endpoint);
        try
        {
            using var s3 = StandInClients.S3(url);
            await StandInStartup.WhenListeningAsync(
                () => JobBucket.EnsureExistsAsync(s3, LocalAwsNames.BucketName, cancellationToken), cancellationToken);
            return HealthCheckResult.Healthy($"Bucket {LocalAwsNames.BucketName} is ready at {url}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Waiting for S3 at {url}: {e.Message}");
        }
    }
}
