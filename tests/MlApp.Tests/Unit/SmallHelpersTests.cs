using MlApp.Jobs;

namespace MlApp.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SmallHelpersTests
{
    [Fact]
    public void Expression_names_are_derived_from_the_expressions_once_each()
    {
        var names = ExpressionNames.For("#status = :queued AND #dueAt <= :now", "SET #status = :running REMOVE #leaseOwner", null);

        Assert.Equal(
            new Dictionary<string, string> { ["#status"] = "status", ["#dueAt"] = "dueAt", ["#leaseOwner"] = "leaseOwner" },
            names);
    }

    [Fact]
    public void A_long_error_is_shortened_and_says_so()
    {
        var message = new string('x', 5000);

        var stored = JobErrors.Describe(message);

        Assert.Equal(new string('x', JobErrors.MaxLength) + "… (shortened from 5000 characters)", stored);
        Assert.Equal("short", JobErrors.Describe("short"));
    }

    [Theory]
    [InlineData(JobStatus.Queued, false, "QUEUED")]
    [InlineData(JobStatus.Running, false, "RUNNING")]
    [InlineData(JobStatus.Succeeded, true, "SUCCEEDED")]
    [InlineData(JobStatus.Failed, true, "FAILED")]
    [InlineData(JobStatus.Cancelled, true, "CANCELLED")]
    public void Statuses_know_whether_they_are_terminal_and_how_they_are_stored(JobStatus status, bool terminal, string stored)
    {
        Assert.Equal(terminal, status.IsTerminal());
        Assert.Equal(stored, status.ToStored());
        Assert.Equal(status, JobStatusExtensions.ParseStored(stored));
    }
}
