using MlApp.Web.Dispatch;

namespace MlApp.Tests.Unit.Web;

[Trait("Category", "Unit")]
public sealed class DispatchPlanTests
{
    [Theory]
    [InlineData(0, 0, 10, 4, 0)]
    [InlineData(1, 0, 10, 4, 1)]
    [InlineData(10, 0, 10, 4, 1)]
    [InlineData(11, 0, 10, 4, 2)]
    [InlineData(25, 0, 10, 4, 3)]
    [InlineData(1000, 0, 10, 4, 4)]
    [InlineData(1000, 3, 10, 4, 1)]
    [InlineData(1000, 4, 10, 4, 0)]
    [InlineData(5, 9, 10, 4, 0)]
    public void Tasks_follow_the_queue_depth_up_to_the_cap_minus_what_runs(int waiting, int running, int jobsPerTask, int max, int expected)
    {
        Assert.Equal(expected, DispatchPlan.TasksToStart(waiting, running, jobsPerTask, max));
    }
}
