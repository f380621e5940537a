using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job store and its AWS clients. Endpoints, region and credentials come from the SDK's standard
    /// sources (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3, AWS_REGION, the credential chain), the same code locally and in AWS.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateOnStart<JobsOptions, JobsOptionsAnnotations>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        // The SDK's own default waits 100 s per attempt, and DynamoDB's client retries ten times: a service that stops
        // answering would freeze a worker (and every web request) for many minutes, its lease lapsing unnoticed.
        builder.Services.AddAWSService<IAmazonDynamoDB>((config, services) => config.Timeout = Options(services).DynamoDbTimeout);
        builder.Services.AddAWSService<IAmazonS3>((config, services) => config.Timeout = Options(services).S3Timeout);
        builder.Services.AddSingleton<JobRepository>();
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobQueueGauge>();
        builder.Services.AddSingleton<JobFiles>();
        return builder;
    }

    private static JobsOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<JobsOptions>>().Value;
}
