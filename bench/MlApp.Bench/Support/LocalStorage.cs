using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.Hosting.LocalAws;
using MlApp.Jobs;

namespace MlApp.Bench;

/// <summary>
/// The AppHost's embedded DynamoDB and S3 stand-ins (dynalite, fauxqs: the same node scripts) on loopback, the job table
/// and bucket in them, and the job services the web and the worker use, for the bench to submit and check jobs with.
/// </summary>
internal sealed partial class LocalStorage : IAsyncDisposable
{
    private readonly ChildProcess dynamo;
    private readonly ChildProcess s3;
    private readonly ServiceProvider services;

    private LocalStorage(ChildProcess dynamo, ChildProcess s3, IReadOnlyDictionary<string, string?> environment, ServiceProvider services)
    {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.services = services;
        Environment = environment;
    }

    /// <summary>What a process needs to reach the stand-ins and the job store: the variables the AppHost sets.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public JobRepository Repository => services.GetRequiredService<JobRepository>();

    public JobFiles Files => services.GetRequiredService<JobFiles>();

    public JobsOptions Options => services.GetRequiredService<IOptions<JobsOptions>>().Value;

    /// <summary>Both stand-ins' CPU time so far: they share the machine with what is measured.</summary>
    public TimeSpan CpuTime => dynamo.CpuTime + s3.CpuTime;

    public static async Task<LocalStorage> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "MlApp.Hosting.LocalAws", "standins");
        var dynamo = ChildProcess.Start("dynalite", "node", [Path.Combine(folder, "dynamodb.mjs"), "0"], new Dictionary<string, string?>());
        var s3 = ChildProcess.Start("fauxqs", "node", [Path.Combine(folder, "s3.mjs"), "0"], new Dictionary<string, string?>());
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(TimeSpan.FromSeconds(30));
            var dynamoUrl = new Uri((await dynamo.WaitForLineAsync(Listening(), budget.Token)).Groups["url"].Value);
            var s3Url = new Uri((await s3.WaitForLineAsync(Listening(), budget.Token)).Groups["url"].Value);

            var environment = Variables(dynamoUrl, s3Url);
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(environment.Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":"), pair.Value)));
            builder.AddJobs();

            // Registered after AddJobs, so they win: the bench's own clients point at the stand-ins without touching its environment.
            builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(
                LocalAwsNames.AccessKeyId, LocalAwsNames.SecretAccessKey, new AmazonDynamoDBConfig { ServiceURL = dynamoUrl.ToString() }));
            builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(
                LocalAwsNames.AccessKeyId, LocalAwsNames.SecretAccessKey, new AmazonS3Config { ServiceURL = s3Url.ToString(), ForcePathStyle = true }));
            var storage = new LocalStorage(dynamo, s3, environment, builder.Services.BuildServiceProvider());
            await JobTable.EnsureExistsAsync(storage.services.GetRequiredService<IAmazonDynamoDB>(), storage.Options.TableName, cancellationToken);
            await JobBucket.EnsureExistsAsync(storage.services.GetRequiredService<IAmazonS3>(), storage.Options.BucketName, cancellationToken);
            return storage;
        }
        catch
        {
            await dynamo.DisposeAsync();
            await s3.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores the input and creates the queued job, in the web's order: a job never points at a missing input.</summary>
    public async Task<string> SubmitAsync(string ownerId, Stream csv, long rows, CancellationToken cancellationToken)
    {
        var jobId = Guid.CreateVersion7().ToString("N");
        var inputKey = JobKeys.InputKey(ownerId, jobId);
        await Files.UploadAsync(inputKey, csv, "text/csv", cancellationToken);
        await Repository.CreateAsync(new JobSubmission { OwnerId = ownerId, JobId = jobId, InputKey = inputKey, RowsTotal = rows }, cancellationToken);
        return jobId;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await dynamo.DisposeAsync();
        await s3.DisposeAsync();
    }

    private static Dictionary<string, string?> Variables(Uri dynamoUrl, Uri s3Url) => new()
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoUrl.ToString(),
        ["AWS_ENDPOINT_URL_S3"] = s3Url.ToString(),
        ["AWS_REGION"] = LocalAwsNames.Region,
        ["AWS_ACCESS_KEY_ID"] = LocalAwsNames.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = LocalAwsNames.SecretAccessKey,
        ["Jobs__TableName"] = LocalAwsNames.TableName,
        ["Jobs__BucketName"] = LocalAwsNames.BucketName,
    };

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
