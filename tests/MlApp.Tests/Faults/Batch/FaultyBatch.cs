using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlApp.Jobs;
using MlApp.Tests.Integration.Batch;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using MlApp.Tests.Unit.Model;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// A batch run to break: jobs submitted as the web submits them, real worker processes that reach DynamoDB and S3
/// through proxies a test can hang or cut, and the books that show whether every job was done, and done once. The
/// test's own reads go straight to the stand-ins, so they work while the workers' side is broken.
/// </summary>
internal sealed class FaultyBatch : IAsyncDisposable
{
    /// <summary>Short, so a crashed worker's job is reclaimable within a test; a heartbeat every 0.5 s keeps it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    /// <summary>The most any one step (a worker reaching a line, a worker exiting) may take before the test fails.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Rows enough that a job outlasts the worker's first progress report (0.5 s), which a test that acts mid-job waits
    /// for: a Debug build of the worker runs up to about 500,000 rows/s here.
    /// </summary>
    public const int RowsPastFirstReport = 600_000;

    private const int ChunkRows = 1024;

    private readonly AwsStandIns _aws;
    private readonly JobServices _services;
    private readonly ITestOutputHelper _output;
    private readonly IReadOnlyDictionary<string, string> _workerSettings;
    private readonly List<WorkerProcess> _workers = [];
    private readonly List<SubmittedJob> _submitted = [];

    private FaultyBatch(AwsStandIns aws, JobServices services, StandInProxy dynamoDb, StandInProxy s3, ITestOutputHelper output,
        IReadOnlyDictionary<string, string> workerSettings)
    {
        _aws = aws;
        _services = services;
        DynamoDb = dynamoDb;
        S3 = s3;
        _output = output;
        _workerSettings = workerSettings;
        Jobs = BatchJobs.OnRealClock(services);
    }

    /// <summary>What the workers see as DynamoDB.</summary>
    public StandInProxy DynamoDb { get; }

    /// <summary>What the workers see as S3.</summary>
    public StandInProxy S3 { get; }

    public BatchJobs Jobs { get; }

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public IReadOnlyList<SubmittedJob> Submitted => _submitted;

    /// <param name="maxAttempts">At least the crashes a test causes plus one, or the job fails for good.</param>
    /// <param name="workerSettings">More environment for every worker, on top of the proxies' endpoints.</param>
    public static async Task<FaultyBatch> StartAsync(AwsStandIns aws, ITestOutputHelper output, int maxAttempts,
        IReadOnlyDictionary<string, string>? workerSettings = null)
    {
        var services = await JobServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Jobs:LeaseDuration"] = Lease.ToString("c", CultureInfo.InvariantCulture),
            ["Jobs:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Jobs:RetryBaseDelay"] = "00:00:00",
        });
        var dynamoDb = await StandInProxy.StartAsync(aws.DynamoDbUrl);
        var s3 = await StandInProxy.StartAsync(aws.S3Url);
        var settings = new Dictionary<string, string>(workerSettings ?? new Dictionary<string, string>())
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDb.Url.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = s3.Url.ToString(),
        };
        return new FaultyBatch(aws, services, dynamoDb, s3, output, settings);
    }

    /// <summary>Submits a job of <paramref name="rows"/> penguin rows, some of them bad rows, as the web would.</summary>
    public async Task<SubmittedJob> SubmitAsync(int rows, int offset = 0)
    {
        var input = PenguinCsv.Rows(rows, offset).ToList();
        var job = new SubmittedJob(await Jobs.SubmitAsync(PenguinCsv.Bytes(input), rows), input);
        _submitted.Add(job);
        return job;
    }

    /// <summary>Starts a worker process; it is killed, if still running, when the run is disposed.</summary>
    public WorkerProcess StartWorker()
    {
        var worker = WorkerProcess.Start(_aws, _services.Options, _output, _workerSettings);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Starts a worker and waits until it logs a line that <paramref name="reached"/> accepts.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(Func<string, bool> reached)
    {
        var worker = StartWorker();
        await worker.WaitForLineAsync(reached, StepTimeout);
        return worker;
    }

    /// <summary>Starts a worker that should drain the queue, and checks that it exits with 0.</summary>
    public async Task DrainAsync() => Assert.Equal(0, await StartWorker().WaitForExitAsync(StepTimeout));

    public Task<Job> GetAsync(SubmittedJob job) => Jobs.GetAsync(job.Job);

    /// <summary>
    /// Waits until a new worker may claim the job: its lease has lapsed (running) or its backoff is over (queued), both
    /// of which its due time says. Bounded: a due time further off than a lease plus the backoff fails the test.
    /// </summary>
    public async Task WaitUntilClaimableAsync(SubmittedJob job, TimeSpan? backoff = null)
    {
        var dueAt = (await GetAsync(job)).DueAt ?? DateTimeOffset.UtcNow;
        var wait = dueAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        var limit = Lease + (backoff ?? TimeSpan.Zero) + TimeSpan.FromSeconds(1);
        Assert.True(wait <= limit, $"Job {job.Id} is due in {wait}, beyond {limit}.");
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>Checks every submitted job: SUCCEEDED, its result equal to the predictions, completed once, its result written once.</summary>
    public async Task<JobBooks> CloseBooksAsync()
    {
        var problems = new List<string>();
        int lost = 0, duplicated = 0, rewritten = 0;
        foreach (var submitted in _submitted)
        {
            var job = await GetAsync(submitted);
            var completions = _workers.Sum(worker => worker.SucceededJobIds.Count(id => id == submitted.Id));
            var writes = ResultWrites(submitted);
            // A result no worker wrote through the proxy would mean the books miss writes: as bad as a lost job.
            if (job.Status != JobStatus.Succeeded || job.RowsDone != submitted.Rows.Count || writes == 0 || !await ResultMatchesAsync(submitted))
            {
                lost++;
                problems.Add($"job {submitted.Id} lost: {job.Status}, {job.RowsDone} of {submitted.Rows.Count} rows, " +
                    $"result written {writes} times, attempts {job.Attempts}, last error: {job.LastError}");
            }

            if (completions > 1)
            {
                duplicated++;
                problems.Add($"job {submitted.Id} duplicated: completed by {completions} workers");
            }

            if (writes > 1)
            {
                rewritten++;
                problems.Add($"job {submitted.Id} rewritten: its result was written {writes} times");
            }
        }

        return new JobBooks(_submitted.Count, lost, duplicated, rewritten, problems);
    }

    /// <summary>Result objects made whole for the job: a single PUT, or a completed multipart upload.</summary>
    public int ResultWrites(SubmittedJob job)
    {
        var path = $"/{_services.Options.BucketName}/{JobKeys.ResultKey(job.Job.OwnerId, job.Id)}";
        return S3.Requests.Count(request => request.Succeeded && request.Path == path && (
            (request.Method == "PUT" && !request.Query.Contains("partNumber=", StringComparison.Ordinal)) ||
            (request.Method == "POST" && request.Query.Contains("uploadId=", StringComparison.Ordinal))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await DynamoDb.DisposeAsync();
        await S3.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>Compares hashes, so a result of hundreds of thousands of rows is never held whole, on either side.</summary>
    private async Task<bool> ResultMatchesAsync(SubmittedJob job)
    {
        if (!await Jobs.ResultExistsAsync(job.Job))
        {
            return false;
        }

        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var piece in ExpectedResult.Chunks(TestModels.Penguins, PenguinCsv.Header, job.Rows, ChunkRows))
        {
            expected.AppendData(Encoding.UTF8.GetBytes(piece));
        }

        await using var result = await Jobs.OpenResultAsync(job.Job);
        return (await SHA256.HashDataAsync(result)).AsSpan().SequenceEqual(expected.GetHashAndReset());
    }
}
