using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Aws.Ecs;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>The emulator's fault switches, and what the real client makes of them.</summary>
[Trait("Category", "Integration")]
public sealed class EcsEmulatorFaultTests
{
    [Fact]
    public async Task An_injected_failure_answers_200_with_a_capacity_failure_per_task_and_starts_nothing()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        ecs.Emulator.Faults.FailNext(1);

        var failed = await ecs.Client.RunTaskAsync(2, null, null, default);
        var listed = await ecs.Client.ListRunningTasksAsync(default);
        var next = await ecs.Client.RunTaskAsync(1, null, null, default);

        Assert.Empty(failed.Tasks);
        Assert.Equal(2, failed.Failures.Count);
        Assert.All(failed.Failures, failure => Assert.Equal(RunTaskFaults.CapacityUnavailable, failure.Reason));
        Assert.Empty(listed);
        Assert.Single(next.Tasks);
        Assert.Equal(1, ecs.Launcher.Starts);
    }

    [Fact]
    public async Task While_fail_all_is_on_every_run_task_fails_and_a_retry_with_the_same_token_succeeds_once_it_is_off()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        ecs.Emulator.Faults.FailAll = true;

        var first = await ecs.Client.RunTaskAsync(1, "dispatch-9", null, default);
        var second = await ecs.Client.RunTaskAsync(1, "dispatch-9", null, default);
        ecs.Emulator.Faults.FailAll = false;
        var third = await ecs.Client.RunTaskAsync(1, "dispatch-9", null, default);

        Assert.Single(first.Failures);
        Assert.Single(second.Failures);
        Assert.Single(third.Tasks);
        Assert.Empty(third.Failures);
    }

    [Fact]
    public async Task Injected_throttling_is_retried_by_the_client_until_it_passes()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync(options => options.MaxAttempts = 3);
        ecs.Emulator.Faults.ThrottleNext(2);

        var response = await ecs.Client.RunTaskAsync(1, null, null, default);

        Assert.Single(response.Tasks);
        Assert.Equal(1, ecs.Launcher.Starts);
    }

    [Fact]
    public async Task Throttling_beyond_the_attempt_bound_surfaces_as_a_throttled_exception_and_starts_nothing()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync(options => options.MaxAttempts = 2);
        ecs.Emulator.Faults.ThrottleNext(2);

        var error = await Assert.ThrowsAsync<EcsThrottledException>(() => ecs.Client.RunTaskAsync(1, null, null, default));

        Assert.Equal("Rate exceeded", error.ErrorMessage);
        Assert.False(await ecs.Launcher.HasCallWithinAsync(TimeSpan.FromMilliseconds(200)));
    }
}
