using MlApp.Hosting.LocalAws.Ecs;

namespace MlApp.Tests.Faults.Ecs;

/// <summary>
/// The state updates Aspire published for an explicit-start resource restarted by RunTask (recorded on this machine),
/// with the late repeats that, under load, ended a new execution's task within milliseconds of RunTask.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ExecutionHistoryTests
{
    private static readonly DateTime FirstStart = new(2026, 11, 28, 22, 53, 25, 450, DateTimeKind.Utc);
    private static readonly DateTime SecondStart = FirstStart.AddSeconds(1.5);

    [Fact]
    public void The_exit_of_an_exited_process_reported_again_during_the_next_execution_is_late_and_the_next_exit_is_not()
    {
        var history = new ExecutionHistory();

        Assert.False(history.IsLate(ResourcePhase.Running, 18128, FirstStart));
        Assert.False(history.IsLate(ResourcePhase.Exited, 18128, FirstStart));
        // The restart's Starting still shows the old process; then the old exit comes again, as "Exited" after "Finished".
        Assert.False(history.IsLate(ResourcePhase.Starting, 18128, FirstStart));
        Assert.True(history.IsLate(ResourcePhase.Exited, 18128, FirstStart));
        Assert.False(history.IsLate(ResourcePhase.Running, 18143, SecondStart));
        Assert.False(history.IsLate(ResourcePhase.Exited, 18143, SecondStart));
    }

    [Fact]
    public void A_running_state_of_a_process_that_has_exited_is_late_so_RunTask_never_joins_a_process_that_is_gone()
    {
        var history = new ExecutionHistory();
        history.IsLate(ResourcePhase.Running, 18128, FirstStart);
        history.IsLate(ResourcePhase.Exited, 18128, FirstStart);

        Assert.True(history.IsLate(ResourcePhase.Running, 18128, FirstStart));
    }

    [Fact]
    public void A_process_id_used_again_by_a_later_process_is_a_new_process()
    {
        var history = new ExecutionHistory();
        history.IsLate(ResourcePhase.Exited, 18128, FirstStart);

        Assert.False(history.IsLate(ResourcePhase.Running, 18128, SecondStart));
    }

    [Fact]
    public void An_update_without_a_process_id_is_taken_as_it_comes()
    {
        var history = new ExecutionHistory();
        history.IsLate(ResourcePhase.Exited, 18128, FirstStart);

        Assert.False(history.IsLate(ResourcePhase.Exited, null, null));
        Assert.False(history.IsLate(ResourcePhase.Running, 0, null));
    }
}
