using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws;

/// <summary>The job table and bucket, and how projects are pointed at them: stand-ins in run mode, the stack's in publish mode.</summary>
public static class LocalAwsExtensions
{
    /// <summary>
    /// Run mode: starts DynamoDB and S3 stand-ins (LocalStack or embedded, see <see cref="StandInChoice"/>) and provisions
    /// the job table and bucket in them; the stand-ins report healthy only when both exist. Publish mode: adds nothing.
    /// </summary>
    public static JobStore AddJobStore(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return new JobStore(null);
        }

        var choice = StandInChoice.Decide(builder.Configuration);
        var aws = choice.Kind is StandInKind.LocalStack ? builder.AddLocalStack() : builder.AddEmbeddedStandIns();
        aws.DynamoDb.WithJobTable(aws.DynamoDbEndpoint);
        aws.S3.WithJobBucket(aws.S3Endpoint);

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalAwsExtensions))
                .LogInformation("Local AWS stand-ins: {Kind} ({Reason})", choice.Kind, choice.Reason);
            return Task.CompletedTask;
        });

        return new JobStore(aws);
    }

    /// <summary>
    /// Marks the project as a user of the job store. Run mode: gives it the standard AWS variables for the stand-ins plus
    /// the job settings, and holds its start until the table and bucket exist. Publish mode: CDK supplies the same settings.
    /// </summary>
    public static IResourceBuilder<T> WithJobStore<T>(this IResourceBuilder<T> project, JobStore store)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        project.WithAnnotation(new JobStoreAnnotation());
        if (store.StandIns is not { } aws)
        {
            return project;
        }

        project
            .WithEnvironment("AWS_ENDPOINT_URL_DYNAMODB", StandInUrl.Expression(aws.DynamoDbEndpoint))
            .WithEnvironment("AWS_ENDPOINT_URL_S3", StandInUrl.Expression(aws.S3Endpoint))
            .WithEnvironment("AWS_REGION", LocalAwsNames.Region)
            .WithEnvironment("AWS_ACCESS_KEY_ID", LocalAwsNames.AccessKeyId)
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", LocalAwsNames.SecretAccessKey)
            .WithEnvironment("Jobs__TableName", LocalAwsNames.TableName)
            .WithEnvironment("Jobs__BucketName", LocalAwsNames.BucketName)
            .WaitFor(aws.DynamoDb);

        // LocalStack serves both; one wait is enough.
        return aws.S3.Resource == aws.DynamoDb.Resource ? project : project.WaitFor(aws.S3);
    }
}
