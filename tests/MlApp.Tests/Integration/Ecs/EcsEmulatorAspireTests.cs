using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Aws.Ecs;
using Xunit.Abstractions;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>
/// The emulator inside a real Aspire app with its Aspire launcher: RunTask goes through Aspire's Start command, the task
/// follows the process's real states to its exit code, and the dashboard's fault commands reach RunTask.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EcsEmulatorAspireTests(EcsEmulatorAspireFixture fixture, ITestOutputHelper output) : IClassFixture<EcsEmulatorAspireFixture>
{
    [Fact]
    public async Task RunTask_starts_the_explicit_start_resource_and_the_task_ends_with_the_process_exit_code_each_time()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        for (var run = 1; run <= 2; run++)
        {
            var clock = Stopwatch.StartNew();
            var task = Assert.Single((await fixture.Client.RunTaskAsync(1, null, null, timeout.Token)).Tasks);
            var running = await WaitForAsync(task.TaskArn!, "RUNNING", timeout.Token);
            var toRunning = clock.Elapsed;
            var stopped = await WaitForAsync(task.TaskArn!, "STOPPED", timeout.Token);

            output.WriteLine($"run {run}: RunTask -> RUNNING {toRunning.TotalMilliseconds:0} ms, -> STOPPED {clock.Elapsed.TotalMilliseconds:0} ms (the process sleeps 1 s)");
            Assert.Equal("RUNNING", running.LastStatus);
            Assert.NotNull(running.StartedAt);
            Assert.Equal(("STOPPED", "EssentialContainerExited"), (stopped.LastStatus, stopped.StopCode));
            Assert.Equal(3, stopped.Containers[0].ExitCode);
        }
    }

    [Fact]
    public async Task The_dashboard_commands_make_RunTask_fail_and_then_work_again()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();

        var fail = await commands.ExecuteCommandAsync(fixture.Ecs, "fail-runtask", timeout.Token);
        var failed = await fixture.Client.RunTaskAsync(1, null, null, timeout.Token);
        var restore = await commands.ExecuteCommandAsync(fixture.Ecs, "restore-runtask", timeout.Token);

        Assert.True(fail.Success && restore.Success);
        Assert.Empty(failed.Tasks);
        Assert.Equal(RunTaskFaults.CapacityUnavailable, Assert.Single(failed.Failures).Reason);
        Assert.False(fixture.Ecs.Emulator.Faults.FailAll);
    }

    [Fact]
    public async Task WithEcs_gives_the_caller_the_emulator_endpoint_and_the_batch_settings_the_client_binds()
    {
        var context = new EnvironmentCallbackContext(fixture.App.Services.GetRequiredService<DistributedApplicationExecutionContext>());
        foreach (var callback in fixture.CallerResource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var environment = context.EnvironmentVariables;

        Assert.Equal(fixture.Ecs.Emulator.Url.ToString(), environment["AWS_ENDPOINT_URL_ECS"]);
        Assert.Equal(EcsLocalNames.Cluster, environment["Batch__Cluster"]);
        Assert.Equal(EcsEmulatorAspireFixture.Family, environment["Batch__TaskDefinition"]);
        Assert.Equal(EcsLocalNames.Subnet, environment["Batch__Subnets__0"]);
        Assert.Equal(EcsLocalNames.SecurityGroup, environment["Batch__SecurityGroups__0"]);
        Assert.Contains(fixture.CallerResource.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == fixture.Ecs);
    }

    private async Task<EcsTask> WaitForAsync(string taskArn, string status, CancellationToken cancellationToken)
    {
        while (true)
        {
            var task = Assert.Single((await fixture.Client.DescribeTasksAsync([taskArn], cancellationToken)).Tasks);
            // A stopped task ends the wait (it will never run again); Aspire may publish the exit code just after the final state.
            if (task.LastStatus == "STOPPED" ? task.Containers[0].ExitCode is not null : task.LastStatus == status)
            {
                return task;
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
