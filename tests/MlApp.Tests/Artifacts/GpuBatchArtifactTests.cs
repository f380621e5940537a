using System.Runtime.InteropServices;
using MlApp.Model.Onnx;
using MlApp.Jobs;
using MlApp.Tests.Integration.Batch;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// The GPU option's batch worker as Dockerfile.gpu publishes it (ONNX Runtime's CUDA build), on this machine, which has
/// no NVIDIA driver: what a GPU task does where it can't reach a GPU.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Artifacts")]
public sealed class GpuBatchArtifactTests(AwsStandIns aws, ITestOutputHelper output)
{
    private const string CudaProvider = "libonnxruntime_providers_cuda.so";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_GPU_worker_carries_ONNX_Runtimes_CUDA_build_and_the_CPU_worker_does_not()
    {
        var gpu = (await PublishedArtifacts.GetAsync(ImageArtifact.BatchGpu)).RequireSuccess();
        var cpu = (await PublishedArtifacts.GetAsync(ImageArtifact.Batch)).RequireSuccess();

        Assert.True(File.Exists(gpu.File(CudaProvider)), $"{CudaProvider} is not in the GPU worker");
        Assert.False(File.Exists(cpu.File(CudaProvider)), $"{CudaProvider} is in the CPU worker");
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux/1.31.0", File.ReadAllText(gpu.File("MlApp.BatchJob.deps.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("\"Microsoft.ML.OnnxRuntime/", File.ReadAllText(gpu.File("MlApp.BatchJob.deps.json")), StringComparison.Ordinal);
        output.WriteLine($"GPU worker {gpu.SizeBytes / 1e6:F0} MB, CPU worker {cpu.SizeBytes / 1e6:F0} MB");
    }

    [Fact]
    public async Task Without_an_NVIDIA_driver_the_GPU_worker_with_Model_Device_cuda_stops_at_start_naming_the_driver()
    {
        RequireNoDriver();
        var worker = (await PublishedArtifacts.GetAsync(ImageArtifact.BatchGpu)).RequireSuccess();
        await using var jobs = await JobServices.CreateAsync();

        await using var process = ArtifactProcess.Start(worker, "dotnet", ["MlApp.BatchJob.dll"], Settings(jobs, "cuda"), output);
        var exitCode = await process.WaitForExitAsync(RunTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Model:Device is cuda, but CUDA can't be used here: libcuda.so.1 can't be loaded (the NVIDIA driver", process.Tail(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_NVIDIA_driver_the_GPU_worker_with_auto_says_why_once_and_drains_a_job_on_the_CPU()
    {
        RequireNoDriver();
        var worker = (await PublishedArtifacts.GetAsync(ImageArtifact.BatchGpu)).RequireSuccess();
        await using var jobs = await JobServices.CreateAsync();
        var batch = BatchJobs.OnRealClock(jobs);
        var rows = PenguinCsv.Rows(100).ToList();
        var job = await batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count);

        await using var process = ArtifactProcess.Start(worker, "dotnet", ["MlApp.BatchJob.dll"], Settings(jobs, "auto"), output);
        var exitCode = await process.WaitForExitAsync(RunTimeout);

        Assert.True(exitCode == 0, $"The worker exited with {exitCode}:{Environment.NewLine}{process.Tail()}");
        var done = await batch.GetAsync(job);
        Assert.Equal((JobStatus.Succeeded, "cpu"), (done.Status, done.Device));
        var fallbacks = process.Tail().Split('\n').Where(line => line.Contains("Model:Device is auto: running on the CPU", StringComparison.Ordinal)).ToList();
        // The worker logs JSON lines, where the apostrophe of "can't" is escaped: match up to it.
        Assert.Contains("because libcuda.so.1 can", Assert.Single(fallbacks), StringComparison.Ordinal);
    }

    /// <summary>Fails, rather than skips, where a driver is present: there these two tests would prove nothing.</summary>
    private static void RequireNoDriver() =>
        Assert.False(NativeLibrary.TryLoad("libcuda.so.1", out _), "This machine has an NVIDIA driver; these tests check a GPU worker where none is.");

    private Dictionary<string, string> Settings(JobServices jobs, string device) => new(aws.ClientEnvironment())
    {
        ["Jobs__TableName"] = jobs.Options.TableName,
        ["Jobs__BucketName"] = jobs.Options.BucketName,
        ["Model__Device"] = device,
    };
}
