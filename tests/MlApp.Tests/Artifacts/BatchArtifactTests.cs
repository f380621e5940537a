using System.Text;
using MlApp.Jobs;
using MlApp.Tests.Integration.Batch;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// The batch worker as its image ships it: the native executable <c>./MlApp.BatchJob</c> in its publish folder, against the
/// stand-ins. The image's base (runtime-deps) has no .NET runtime, and native code can't bind or check settings by
/// reflection, so both are what this proves.
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

        Assert.False(File.Exists(worker.File("MlApp.BatchJob.dll")), "A native AOT publish leaves no managed assembly.");
        Assert.False(File.Exists(worker.File("libcoreclr.so")), "A native AOT publish needs no runtime beside it.");
        Assert.Empty(Directory.GetFiles(worker.Folder, "*.pdb", SearchOption.AllDirectories));
        await using var process = ArtifactProcess.Start(worker, worker.File("MlApp.BatchJob"), [], Settings(jobs), output);
        var exitCode = await process.WaitForExitAsync(RunTimeout);

        Assert.True(exitCode == 0, $"The worker exited with {exitCode}:{Environment.NewLine}{process.Tail()}");
        var done = await batch.GetAsync(job);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(rows.Count, done.RowsDone);
        var result = Encoding.UTF8.GetString(await batch.ReadResultAsync(done)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows.Count + 1, result.Length);
    }

    [Fact]
    public async Task Worker_settings_out_of_range_stop_the_published_worker_at_start_naming_each_of_them()
    {
        var worker = (await PublishedArtifacts.GetAsync(ImageArtifact.Batch)).RequireSuccess();
        await using var jobs = await JobServices.CreateAsync();
        var settings = Settings(jobs);
        settings["BatchWorker__ChunkRows"] = "0";
        settings["BatchWorker__HeartbeatInterval"] = "00:00:00.010";

        await using var process = ArtifactProcess.Start(worker, worker.File("MlApp.BatchJob"), [], settings, output);
        var exitCode = await process.WaitForExitAsync(RunTimeout);

        Assert.NotEqual(0, exitCode);
        var tail = process.Tail();
        Assert.Contains("The field BatchWorkerOptions.ChunkRows must be between 1 and 100000.", tail, StringComparison.Ordinal);
        Assert.Contains("The field BatchWorkerOptions.HeartbeatInterval must be between 00:00:00.0500000 and 00:10:00.", tail, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings(JobServices jobs) => new(aws.ClientEnvironment())
    {
        ["Jobs__TableName"] = jobs.Options.TableName,
        ["Jobs__BucketName"] = jobs.Options.BucketName,
    };
}
