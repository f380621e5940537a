using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.Jobs.Aws;

namespace MlApp.Jobs.Ecs;

public static class EcsServiceCollectionExtensions
{
    // Fargate throttles RunTask at about 20 calls a second: a first retry within 100 ms, at most 5 s apart.
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(5);

    // Control-plane calls answer in well under a second; this only bounds a hung connection.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Registers the batch task's ECS client and <see cref="BatchOptions"/>; its endpoint honours AWS_ENDPOINT_URL_ECS.</summary>
    public static IHostApplicationBuilder AddEcsClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BatchOptions>()
            .BindConfiguration(BatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var endpoint = AwsServiceEndpoint.Resolve(services.GetRequiredService<IConfiguration>(), "ECS", "ecs");
            return new EcsClient(
                SignedHttpClient.Create(endpoint, CallTimeout),
                services.GetRequiredService<IOptions<BatchOptions>>(),
                new RetryBackoff(RetryBaseDelay, RetryMaxDelay, Random.Shared),
                services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
