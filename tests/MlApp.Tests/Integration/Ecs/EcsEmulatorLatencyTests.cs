using System.Diagnostics;
using MlApp.Hosting.LocalAws.Ecs;
using Xunit.Abstractions;
using static MlApp.Tests.Integration.Ecs.EcsEmulatorHarness;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>
/// What the emulator itself adds between RunTask and a RUNNING task, with a resource that runs the moment it is asked:
/// the floor under the local dispatch latency (Aspire's own start time comes on top, see <see cref="EcsEmulatorAspireTests"/>).
/// </summary>
[Trait("Category", "Integration")]
public sealed class EcsEmulatorLatencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunTask_to_running_through_the_emulator_takes_milliseconds()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        ecs.Launcher.RunOnStart = true;
        var samples = new List<double>();

        for (var i = 0; i < 40; i++)
        {
            var clock = Stopwatch.StartNew();
            var task = Assert.Single((await ecs.Client.RunTaskAsync(1, null, null, default)).Tasks);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while ((await ecs.DescribeAsync(task.TaskArn!)).LastStatus != "RUNNING")
            {
                await Task.Delay(1, timeout.Token);
            }

            samples.Add(clock.Elapsed.TotalMilliseconds);
            await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        var p95 = samples[(int)(samples.Count * 0.95)];
        output.WriteLine($"RunTask -> RUNNING via the real client, fake launcher: median {median:0.0} ms, p95 {p95:0.0} ms, max {samples[^1]:0.0} ms (n={samples.Count})");
        Assert.Equal(40, ecs.Launcher.Starts);
        Assert.True(p95 < 1000, $"p95 {p95:0} ms");
    }
}
