using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlApp.Jobs;

namespace MlApp.AppHost.LocalAws;

/// <summary>Healthy once the job table exists in the DynamoDB stand-in; creates it if not, so a project's WaitFor also waits for provisioning.</summary>
/// <remarks>Runs on every check, not once: a restarted in-memory stand-in comes back empty and gets its table again.</remarks>
internal sealed class JobTableHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var url = StandInUrl.Of(endpoint);
        try
        {
            using var dynamo = StandInClients.DynamoDb(url);
            await StandInStartup.WhenListeningAsync(
                () => JobTable.EnsureExistsAsync(dynamo, LocalAwsNames.TableName, cancellationToken), cancellationToken);
            return HealthCheckResult.Healthy($"Table {LocalAwsNames.TableName} is ready at {url}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Waiting for DynamoDB at {url}: {e.Message}");
        }
    }
}
