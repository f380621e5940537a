using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.Jobs.Aws;

namespace MlApp.Jobs.Lambda;

public static class LambdaServiceCollectionExtensions
{
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>Registers the realtime function's invoker; its endpoint honours AWS_ENDPOINT_URL_LAMBDA.</summary>
    public static IHostApplicationBuilder AddLambdaInvoker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LambdaOptions>()
            .BindConfiguration(LambdaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<LambdaOptions>>();
            var endpoint = AwsServiceEndpoint.Resolve(services.GetRequiredService<IConfiguration>(), "LAMBDA", "lambda");
            return new LambdaInvoker(
                SignedHttpClient.Create(endpoint, options.Value.Timeout),
                options,
                new RetryBackoff(RetryBaseDelay, RetryMaxDelay, Random.Shared),
                services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
