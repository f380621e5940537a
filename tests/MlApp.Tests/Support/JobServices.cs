using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MlApp.Jobs;

namespace MlApp.Tests.Support;

/// <summary>
/// The job services as the applications build them (<see cref="JobsServiceCollectionExtensions.AddJobs"/>), on a table and
/// bucket of their own so tests never see each other's jobs, with a clock the test moves.
/// </summary>
public sealed class JobServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private JobServices(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public JobsOptions Options => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value;

    public JobRepository Repository => _services.GetRequiredService<JobRepository>();

    public JobQueue Queue => _services.GetRequiredService<JobQueue>();

    public JobQueueGauge Gauge => _services.GetRequiredService<JobQueueGauge>();

    public JobFiles Files => _services.GetRequiredService<JobFiles>();

    public IAmazonDynamoDB DynamoDb => _services.GetRequiredService<IAmazonDynamoDB>();

    public IAmazonS3 S3 => _services.GetRequiredService<IAmazonS3>();

    public static async Task<JobServices> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:TableName"] = $"jobs-{unique}",
            ["Jobs:BucketName"] = $"data-{unique}",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddJobs();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);

        var jobServices = new JobServices(builder.Services.BuildServiceProvider(validateScopes: true), time);
        await JobTable.EnsureExistsAsync(jobServices.DynamoDb, jobServices.Options.TableName, CancellationToken.None);
        await JobBucket.EnsureExistsAsync(jobServices.S3, jobServices.Options.BucketName, CancellationToken.None);
        return jobServices;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
