using Amazon.S3;
using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Batch;

/// <summary>Submits batch jobs the way the web does (input to S3 first, then the queued job) and reads their results back.</summary>
internal sealed class BatchJobs(JobServices services, JobRepository repository)
{
    public const string Owner = "alice";

    /// <summary>Jobs created on the test's fake clock, for in-process runners whose queue shares that clock.</summary>
    public static BatchJobs OnFakeClock(JobServices services) => new(services, services.Repository);

    /// <summary>Jobs created on the real clock, for worker processes, whose queue runs on the real clock.</summary>
    public static BatchJobs OnRealClock(JobServices services) =>
        new(services, new JobRepository(services.DynamoDb, Options.Create(services.Options), TimeProvider.System));

    public async Task<Job> SubmitAsync(Stream input, long? rows = null, string? traceParent = null)
    {
        var jobId = NewJobId();
        await services.Files.UploadAsync(JobKeys.InputKey(Owner, jobId), input, "text/csv", default);
        return await CreateAsync(jobId, rows, traceParent);
    }

    public Task<Job> SubmitAsync(byte[] input, long? rows = null, string? traceParent = null) =>
        SubmitAsync(new MemoryStream(input), rows, traceParent);

    /// <summary>A job whose input object was never stored (or was deleted since).</summary>
    public Task<Job> SubmitWithoutInputAsync() => CreateAsync(NewJobId(), rows: 1, traceParent: null);

    public async Task<Job> GetAsync(Job job) =>
        await repository.GetAsync(job.OwnerId, job.JobId, default) ?? throw new InvalidOperationException($"Job {job.JobId} is gone.");

    public async Task<byte[]> ReadResultAsync(Job job)
    {
        await using var result = await services.Files.OpenReadAsync(JobKeys.ResultKey(job.OwnerId, job.JobId), default);
        var copy = new MemoryStream();
        await result.CopyToAsync(copy);
        return copy.ToArray();
    }

    public Task<Stream> OpenResultAsync(Job job) => services.Files.OpenReadAsync(JobKeys.ResultKey(job.OwnerId, job.JobId), default);

    public async Task<bool> ResultExistsAsync(Job job)
    {
        try
        {
            await services.S3.GetObjectMetadataAsync(services.Options.BucketName, JobKeys.ResultKey(job.OwnerId, job.JobId));
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string NewJobId() => Guid.CreateVersion7().ToString("N");

    private async Task<Job> CreateAsync(string jobId, long? rows, string? traceParent) =>
        (await repository.CreateAsync(new JobSubmission { OwnerId = Owner, JobId = jobId, RowsTotal = rows, TraceParent = traceParent }, default)).Job;
}
