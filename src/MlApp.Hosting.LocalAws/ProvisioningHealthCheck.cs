using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MlApp.Hosting.LocalAws;

/// <summary>
/// Healthy once a stand-in holds what the projects need (the job table, the bucket); creates it if not, so a project's
/// WaitFor also waits for provisioning.
/// </summary>
/// <remarks>Runs on every check, not once: a restarted in-memory stand-in comes back empty and gets its contents again.</remarks>
internal sealed class ProvisioningHealthCheck(
    EndpointReference endpoint, string service, string what, Func<string, CancellationToken, Task> ensureExists) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var url = StandInUrl.Of(endpoint);
        try
        {
            await StandInStartup.WhenListeningAsync(() => ensureExists(url, cancellationToken), cancellationToken);
            return HealthCheckResult.Healthy($"{what} is ready at {url}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Waiting for {service} at {url}: {e.Message}");
        }
    }
}
