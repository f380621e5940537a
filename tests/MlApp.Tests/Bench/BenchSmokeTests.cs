using System.Diagnostics;
using MlApp.Tests.Artifacts;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Bench;

/// <summary>
/// Every benchmark scenario's quick variant, run as a person runs it (the bench's own process), so a change that breaks
/// a scenario fails CI. Only what a run must get right is checked (results identical, no job lost or run twice, no
/// failed request), never how fast it was: the numbers belong to the README, not to a verdict on a shared machine.
/// </summary>
[Trait("Category", "Bench")]
public sealed class BenchSmokeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Room for a full native compile when the Artifacts tier's publish failed or ran with other sources.</summary>
    private static readonly TimeSpan ColdStartTimeout = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData("model", new[] { "load_first_ms=", "batch1024_rows_per_s=" })]
    [InlineData("realtime", new[] { "overhead_p50_ms=", "overhead_p99_ms=", "errors=0 " })]
    [InlineData("batch", new[] { "rows_per_s=", "ratio=", "peak_rss_mb=", "identical=1" })]
    [InlineData("load", new[] { "users=1000 ", "p99_ms=", "errors=0 " })]
    [InlineData("drain", new[] { "jobs=1000 ", "ideal_seconds=", "lost=0 ", "duplicated=0 " })]
    [InlineData("gpu", new[] { "width=256 ", "cuda=", "cpu_rows_per_s=" })]
    public async Task The_quick_run_ends_with_its_result_line_and_what_it_must_get_right(string scenario, string[] expected)
    {
        List<string> lines;
        if (scenario is "batch" or "drain")
        {
            // These publish the worker as its image does, into the Artifacts tier's build tree: after that tier's own
            // publish of it, holding the tree, so that they never race a publish (the GPU worker's shares the project).
            await PublishedArtifacts.GetAsync(ImageArtifact.Batch);
            await using (await PublishedArtifacts.LockBuildTreeAsync())
            {
                lines = await RunQuickAsync(scenario);
            }
        }
        else
        {
            lines = await RunQuickAsync(scenario);
        }

        var result = lines.LastOrDefault(line => line.Length > 0) ?? "";
        Assert.StartsWith($"{scenario} ", result);
        foreach (var part in expected)
        {
            Assert.Contains(part, result + " ");
        }
    }

    /// <summary>
    /// The coldstart run publishes the native function itself, into the build tree the Artifacts tier uses: it runs after
    /// that tier's publish and holds the tree while it runs, so it only copies the executable and never races a publish.
    /// </summary>
    [Fact]
    public async Task The_quick_coldstart_run_publishes_the_native_function_and_measures_both_builds()
    {
        await PublishedArtifacts.GetAsync(ImageArtifact.Function);
        List<string> lines;
        await using (await PublishedArtifacts.LockBuildTreeAsync())
        {
            lines = await RunQuickAsync("coldstart", ColdStartTimeout);
        }

        var result = lines.LastOrDefault(line => line.Length > 0) ?? "";
        Assert.Matches(@"^coldstart jit_ms=[0-9.]+ aot_ms=[0-9.]+ model_load_ms=[0-9.]+ aot_model_load_ms=[0-9.]+$", result);
    }

    private async Task<List<string>> RunQuickAsync(string scenario, TimeSpan? timeoutOverride = null)
    {
        var lines = new List<string>();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [await BuiltBenchAsync(), scenario, "--quick"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, line) => Keep(lines, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(lines, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(timeoutOverride ?? RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            // The bench stops what it started; a run that hangs past the timeout is killed with everything under it.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"The {scenario} run exited with {process.ExitCode}.");
        lock (lines)
        {
            return [.. lines];
        }
    }

    private void Keep(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has ended.
        }
    }

    /// <summary>
    /// The bench built in the tests' configuration; `dotnet test MlApp.sln` builds it with the solution, and a run of the
    /// test project alone builds it here first.
    /// </summary>
    private static async Task<string> BuiltBenchAsync()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var dll = RepositoryRoot.Combine("bench", "MlApp.Bench", "bin", configuration, testOutput.Name, "MlApp.Bench.dll");
        if (!File.Exists(dll))
        {
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", RepositoryRoot.Combine("bench", "MlApp.Bench"), "-c", configuration])
            {
                UseShellExecute = false,
            })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await build.WaitForExitAsync(timeout.Token);
            Assert.True(build.ExitCode == 0, $"Building the bench failed with {build.ExitCode}.");
        }

        return dll;
    }
}
