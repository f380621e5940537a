using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAWSService<IAmazonDynamoDB>();
        builder.Services.AddAWSService<IAmazonS3>();
        builder.Services.AddSingleton<JobRepository>();
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobFiles>();
        return builder;
    }
}
