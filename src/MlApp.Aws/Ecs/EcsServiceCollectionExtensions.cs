using Microsoft.Extensions.Hosting;
using MlApp.Aws;

namespace MlApp.Aws.Ecs;

public static class EcsServiceCollectionExtensions
{
    // Fargate throttles RunTask at about 20 calls a second: a first retry within 100 ms, at most 5 s apart.
    private static readonly SignedAwsClientRegistration.Retry Retry = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    // Control-plane calls answer in well under a second; this only bounds a hung connection.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Registers the batch task's ECS client and <see cref="BatchOptions"/>; its endpoint honours AWS_ENDPOINT_URL_ECS.</summary>
    public static IHostApplicationBuilder AddEcsClient(this IHostApplicationBuilder builder) =>
        builder.AddSignedAwsClient<EcsClient, BatchOptions>(
            BatchOptions.SectionName, ("ECS", "ecs"), _ => CallTimeout, Retry,
            (http, options, backoff, time) => new EcsClient(http, options, backoff, time));
}
