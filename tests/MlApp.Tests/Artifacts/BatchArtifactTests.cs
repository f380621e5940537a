using System.Text;
using MlApp.Hosting.LocalAws;
using MlApp.Jobs;
using MlApp.Tests.Integration.Batch;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// The batch worker as its image ships it: <c>./MlApp.BatchJob</c> in its publish folder, against the stand-ins. The image's base
/// (runtime-deps) has no .NET runtime, so the publish must bring its own.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Artifacts")]
public sealed class BatchArtifactTests(AwsStandIns aws, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_published_worker_drains_a_real_job_and_exits_0()
    {
        var worker = (await PublishedArtifacts.GetAsync(ImageArtifact.Batch)).RequireSuccess();
        await using var jobs = await JobServices.CreateAsync();
        var batch = BatchJobs.OnRealClock(jobs);
        var rows = PenguinCsv.Rows(200, badEvery: 40).ToList();
        var job = await batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count);

        Assert.True(File.Exists(worker.File("libcoreclr.so")), "The publish brings no runtime, and the image's base (runtime-deps) has none.");
        await using var process = ArtifactProcess.Start(worker, worker.File("MlApp.BatchJob"), [], new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = aws.DynamoDbUrl.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = aws.S3Url.ToString(),
            ["AWS_REGION"] = LocalAwsNames.Region,
            ["AWS_ACCESS_KEY_ID"] = LocalAwsNames.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = LocalAwsNames.SecretAccessKey,
            ["Jobs__TableName"] = jobs.Options.TableName,
            ["Jobs__BucketName"] = jobs.Options.BucketName,
        }, output);
        var exitCode = await process.WaitForExitAsync(RunTimeout);

        Assert.True(exitCode == 0, $"The worker exited with {exitCode}:{Environment.NewLine}{process.Tail()}");
        var done = await batch.GetAsync(job);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(rows.Count, done.RowsDone);
        var result = Encoding.UTF8.GetString(await batch.ReadResultAsync(done)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Count + 1, result.Length);
    }
}
