using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Costs;
using MlApp.Jobs;
using MlApp.Web.Components.Shared;
using MlApp.Web.Jobs;

namespace MlApp.Tests.Unit.Pages;

/// <summary>A row of "My jobs" says where the model ran a finished job, and says nothing of it before.</summary>
[Trait("Category", "Unit")]
public sealed class JobRowTests : BunitContext
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public JobRowTests() => Services.AddSingleton(CostModel.Estimate());

    [Theory]
    [InlineData("cuda", "ran on the GPU (CUDA)")]
    [InlineData("cpu", "ran on the CPU")]
    public void A_succeeded_job_says_which_device_ran_it(string device, string text)
    {
        var row = Render<JobRow>(parameters => parameters.Add(component => component.Job, View(JobStatus.Succeeded, device)));

        Assert.Equal(text, row.Find("[data-job-device]").TextContent);
    }

    [Fact]
    public void A_job_that_has_not_run_says_nothing_about_a_device()
    {
        var row = Render<JobRow>(parameters => parameters.Add(component => component.Job, View(JobStatus.Queued, device: null)));

        Assert.Empty(row.FindAll("[data-job-device]"));
    }

    private static JobView View(JobStatus status, string? device) => JobView.From(new Job
    {
        OwnerId = "alice",
        JobId = "0192f0c1a2b34c5d8e9fa0b1c2d3e4f5",
        Status = status,
        CreatedAt = Created,
        UpdatedAt = Created.AddMinutes(1),
        InputKey = "inputs/alice/0192f0c1a2b34c5d8e9fa0b1c2d3e4f5.csv",
        RowsTotal = 10,
        RowsDone = status == JobStatus.Succeeded ? 10 : 0,
        StartedAt = status == JobStatus.Succeeded ? Created.AddSeconds(5) : null,
        FinishedAt = status == JobStatus.Succeeded ? Created.AddSeconds(35) : null,
        Device = device,
    });
}
