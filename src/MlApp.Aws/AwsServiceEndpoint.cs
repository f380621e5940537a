using Amazon;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;

namespace MlApp.Aws;

/// <summary>
/// Where one AWS service is and in which region, resolved the way the AWS SDKs do it: the service's own
/// <c>AWS_ENDPOINT_URL_{SERVICE}</c>, then the global <c>AWS_ENDPOINT_URL</c>, then the public regional endpoint.
/// </summary>
public sealed record AwsServiceEndpoint(Uri Url, RegionEndpoint Region, string SigningName)
{
    /// <param name="serviceId">The SDK's service id in upper snake case, as in the variable name: LAMBDA, ECS.</param>
    /// <param name="signingName">The SigV4 service name and the endpoint's host prefix: lambda, ecs.</param>
    public static AwsServiceEndpoint Resolve(IConfiguration configuration, string serviceId, string signingName)
    {
        var region = ResolveRegion(configuration);
        var configured = configuration[$"AWS_ENDPOINT_URL_{serviceId}"] ?? configuration["AWS_ENDPOINT_URL"];
        var url = string.IsNullOrWhiteSpace(configured)
            ? new Uri($"https://{signingName}.{region.SystemName}.{region.PartitionDnsSuffix}/")
            : new Uri(configured.TrimEnd('/') + "/");
        return new AwsServiceEndpoint(url, region, signingName);
    }

    private static RegionEndpoint ResolveRegion(IConfiguration configuration)
    {
        var name = configuration["AWS_REGION"] ?? configuration["AWS_DEFAULT_REGION"];
        return !string.IsNullOrWhiteSpace(name)
            ? RegionEndpoint.GetBySystemName(name)
            : FallbackRegionFactory.GetRegionEndpoint()
                ?? throw new InvalidOperationException("No AWS region is configured: set AWS_REGION.");
    }
}
