using MlApp.Hosting.LocalAws.Ecs;
using static MlApp.Tests.Integration.Ecs.EcsEmulatorHarness;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>Tasks through the real ECS client: started, following their resource's states, joined, stopped, restarted.</summary>
[Trait("Category", "Integration")]
public sealed class EcsEmulatorLifecycleTests
{
    [Fact]
    public async Task RunTask_starts_the_family_resource_and_the_task_follows_it_to_stopped_with_its_exit_code()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        var started = await ecs.RunOneAsync();
        var provisioning = await ecs.DescribeAsync(started.TaskArn!);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Starting);
        var pending = await ecs.DescribeAsync(started.TaskArn!);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);
        var running = await ecs.DescribeAsync(started.TaskArn!);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 3);
        var stopped = await ecs.DescribeAsync(started.TaskArn!);

        Assert.Equal(("PROVISIONING", "RUNNING"), (started.LastStatus, started.DesiredStatus));
        Assert.Equal("PROVISIONING", provisioning.LastStatus);
        Assert.Equal("PENDING", pending.LastStatus);
        Assert.Equal("RUNNING", running.LastStatus);
        Assert.NotNull(running.StartedAt);
        Assert.Null(running.StoppedAt);
        Assert.Equal(("STOPPED", "STOPPED"), (stopped.LastStatus, stopped.DesiredStatus));
        Assert.Equal("EssentialContainerExited", stopped.StopCode);
        Assert.Equal("Essential container in task exited", stopped.StoppedReason);
        Assert.Equal(3, Assert.Single(stopped.Containers).ExitCode);
        Assert.InRange(stopped.StoppedAt!.Value, running.StartedAt!.Value, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(1, ecs.Launcher.Starts);
    }

    [Fact]
    public async Task RunTask_while_the_resource_runs_joins_it_as_running_without_starting_it_again()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var first = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        var joined = await ecs.Client.RunTaskAsync(2, null, null, default);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);
        var all = await ecs.Client.DescribeTasksAsync([first.TaskArn!, .. joined.Tasks.Select(t => t.TaskArn!)], default);

        Assert.All(joined.Tasks, task => Assert.Equal("RUNNING", task.LastStatus));
        Assert.All(joined.Tasks, task => Assert.NotNull(task.StartedAt));
        Assert.False(await ecs.Launcher.HasCallWithinAsync(TimeSpan.FromMilliseconds(200)), "a running resource is not started twice");
        Assert.Equal(1, ecs.Launcher.Starts);
        Assert.Equal(3, all.Tasks.Count);
        Assert.All(all.Tasks, task => Assert.Equal(("STOPPED", 0), (task.LastStatus, task.Containers[0].ExitCode)));
    }

    [Fact]
    public async Task RunTask_after_the_resource_ended_starts_it_again_and_old_tasks_stay_stopped()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var first = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);

        var second = await ecs.RunOneAsync();
        // The finished state of the previous run may be republished before the new start shows: it must not end the new task.
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Starting);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        Assert.Equal("STOPPED", (await ecs.DescribeAsync(first.TaskArn!)).LastStatus);
        Assert.Equal("RUNNING", (await ecs.DescribeAsync(second.TaskArn!)).LastStatus);
        Assert.Equal(2, ecs.Launcher.Starts);
    }

    [Fact]
    public async Task A_repeated_client_token_returns_the_same_tasks_and_starts_nothing_more()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var first = await ecs.Client.RunTaskAsync(2, "dispatch-0001", null, default);
        await ecs.Launcher.NextCallAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        var repeated = await ecs.Client.RunTaskAsync(2, "dispatch-0001", null, default);
        var list = await ecs.Client.ListRunningTasksAsync(default);

        Assert.Equal(first.Tasks.Select(t => t.TaskArn), repeated.Tasks.Select(t => t.TaskArn));
        Assert.All(repeated.Tasks, task => Assert.Equal("RUNNING", task.LastStatus));
        Assert.Equal(2, list.Count);
        Assert.Equal(1, ecs.Launcher.Starts);
    }

    [Fact]
    public async Task StopTask_of_the_only_task_stops_the_resource_and_the_task_ends_user_initiated_with_the_exit_code()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var task = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        var stopping = await ecs.Client.StopTaskAsync(task.TaskArn!, "operator asked", default);
        var stopCall = await ecs.Launcher.NextCallAsync();
        var listedWhileStopping = await ecs.Client.ListRunningTasksAsync(default);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 143);
        var stopped = await ecs.DescribeAsync(task.TaskArn!);

        Assert.Equal(("STOPPING", "STOPPED"), (stopping.LastStatus, stopping.DesiredStatus));
        Assert.NotNull(stopping.StoppingAt);
        Assert.Equal(("stop", Family), stopCall);
        Assert.Empty(listedWhileStopping);
        Assert.Equal(("STOPPED", "UserInitiated", "operator asked"), (stopped.LastStatus, stopped.StopCode, stopped.StoppedReason));
        Assert.Equal(143, stopped.Containers[0].ExitCode);
    }

    [Fact]
    public async Task StopTask_of_one_of_several_tasks_ends_that_task_alone_and_keeps_the_resource_running()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var response = await ecs.Client.RunTaskAsync(2, null, null, default);
        await ecs.Launcher.NextCallAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        var stopped = await ecs.Client.StopTaskAsync(response.Tasks[0].TaskArn!, "scale in", default);
        var other = await ecs.DescribeAsync(response.Tasks[1].TaskArn!);

        Assert.Equal(("STOPPED", "UserInitiated"), (stopped.LastStatus, stopped.StopCode));
        Assert.Equal("RUNNING", other.LastStatus);
        Assert.False(await ecs.Launcher.HasCallWithinAsync(TimeSpan.FromMilliseconds(200)), "the other task still needs the process");
    }

    [Fact]
    public async Task StopTask_of_a_stopped_task_returns_it_unchanged()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var task = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);

        var again = await ecs.Client.StopTaskAsync(task.TaskArn!, "too late", default);

        Assert.Equal(("STOPPED", "EssentialContainerExited", "Essential container in task exited"), (again.LastStatus, again.StopCode, again.StoppedReason));
        Assert.Equal(0, ecs.Launcher.Stops);
    }

    [Fact]
    public async Task RunTask_while_the_resource_is_stopping_starts_it_again_once_it_has_exited()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var first = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);
        await ecs.Client.StopTaskAsync(first.TaskArn!, "draining", default);
        Assert.Equal(("stop", Family), await ecs.Launcher.NextCallAsync());

        var queued = Assert.Single((await ecs.Client.RunTaskAsync(1, null, null, default)).Tasks);
        var startedEarly = await ecs.Launcher.HasCallWithinAsync(TimeSpan.FromMilliseconds(200));
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 143);
        var restart = await ecs.Launcher.NextCallAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        Assert.Equal("PROVISIONING", queued.LastStatus);
        Assert.False(startedEarly, "the resource can't run twice, so the new task waits for the old run to end");
        Assert.Equal(("start", Family), restart);
        Assert.Equal("STOPPED", (await ecs.DescribeAsync(first.TaskArn!)).LastStatus);
        Assert.Equal("RUNNING", (await ecs.DescribeAsync(queued.TaskArn!)).LastStatus);
    }

    [Fact]
    public async Task A_start_that_fails_stops_the_task_as_task_failed_to_start()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        ecs.Launcher.StartFailure = "the project could not be started";

        var task = await ecs.RunOneAsync();
        var stopped = await WaitForStatusAsync(ecs, task.TaskArn!, "STOPPED");

        Assert.Equal("TaskFailedToStart", stopped.StopCode);
        Assert.Contains("the project could not be started", stopped.StoppedReason);
        Assert.Null(stopped.Containers[0].ExitCode);
    }

    [Fact]
    public async Task A_resource_that_fails_to_start_stops_its_tasks_as_task_failed_to_start()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var task = await ecs.RunOneAsync();

        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Starting);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.FailedToStart);
        var stopped = await ecs.DescribeAsync(task.TaskArn!);

        Assert.Equal(("STOPPED", "TaskFailedToStart"), (stopped.LastStatus, stopped.StopCode));
    }

    [Fact]
    public async Task RunTask_while_someone_already_started_the_resource_by_hand_joins_it_without_a_start()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        var task = Assert.Single((await ecs.Client.RunTaskAsync(1, null, null, default)).Tasks);

        Assert.Equal("RUNNING", task.LastStatus);
        Assert.False(await ecs.Launcher.HasCallWithinAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task An_exit_code_published_after_the_final_state_reaches_the_stopped_task()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var task = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);

        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited);
        var withoutCode = await ecs.DescribeAsync(task.TaskArn!);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 2);
        var withCode = await ecs.DescribeAsync(task.TaskArn!);

        Assert.Null(withoutCode.Containers[0].ExitCode);
        Assert.Equal(2, withCode.Containers[0].ExitCode);
    }

    [Fact]
    public async Task Families_run_independently()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var batch = await ecs.RunOneAsync();

        await ecs.Launcher.ReportAsync(OtherFamily, ResourcePhase.Running);
        await ecs.Launcher.ReportAsync(OtherFamily, ResourcePhase.Exited, 1);

        Assert.Equal("PROVISIONING", (await ecs.DescribeAsync(batch.TaskArn!)).LastStatus);
    }

    private static async Task<MlApp.Aws.Ecs.EcsTask> WaitForStatusAsync(EcsEmulatorHarness ecs, string taskArn, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var task = await ecs.DescribeAsync(taskArn);
            if (task.LastStatus == status)
            {
                return task;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
