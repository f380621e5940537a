using System.Net;
using System.Text.Json;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Aws.Ecs;
using static MlApp.Tests.Integration.Ecs.EcsEmulatorHarness;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>ListTasks as the dispatcher uses it to count running batch tasks, and its filters and pages.</summary>
[Trait("Category", "Integration")]
public sealed class EcsEmulatorListTasksTests
{
    [Fact]
    public async Task ListRunningTasks_counts_the_tasks_not_yet_stopped_and_drops_them_once_they_stop()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var started = await ecs.Client.RunTaskAsync(3, null, null, default);
        await ecs.Launcher.NextCallAsync();

        var whileProvisioning = await ecs.Client.ListRunningTasksAsync(default);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);
        var whileRunning = await ecs.Client.ListRunningTasksAsync(default);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);
        var afterExit = await ecs.Client.ListRunningTasksAsync(default);
        var stopped = await ecs.Client.ListTasksAsync(new ListTasksRequest { DesiredStatus = "STOPPED" }, default);

        var arns = started.Tasks.Select(t => t.TaskArn!).ToHashSet();
        Assert.Equal(arns, whileProvisioning.ToHashSet());
        Assert.Equal(arns, whileRunning.ToHashSet());
        Assert.Empty(afterExit);
        Assert.Equal(arns, stopped.TaskArns.ToHashSet());
    }

    [Fact]
    public async Task ListTasks_filters_by_started_by_and_by_family()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var mine = await ecs.RunOneAsync();
        using var others = await ecs.PostAsync("RunTask", $$"""
            {"cluster":"{{EcsLocalNames.Cluster}}","taskDefinition":"{{OtherFamily}}","count":1,"startedBy":"someone-else",
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"]} } }
            """);
        others.EnsureSuccessStatusCode();

        var byStartedBy = await ecs.Client.ListRunningTasksAsync(default);
        var byFamily = await ecs.Client.ListTasksAsync(new ListTasksRequest { Family = OtherFamily }, default);

        Assert.Equal([mine.TaskArn!], byStartedBy);
        var other = Assert.Single(byFamily.TaskArns);
        Assert.NotEqual(mine.TaskArn, other);
    }

    [Fact]
    public async Task ListTasks_pages_with_max_results_and_next_token_and_the_client_reads_every_page()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var started = await ecs.Client.RunTaskAsync(5, null, null, default);

        using var firstPage = await ecs.PostAsync("ListTasks", $$"""{"cluster":"{{EcsLocalNames.Cluster}}","family":"{{Family}}","maxResults":2}""");
        using var json = JsonDocument.Parse(await firstPage.Content.ReadAsStringAsync());
        var all = await ecs.Client.ListRunningTasksAsync(default);

        Assert.Equal(2, json.RootElement.GetProperty("taskArns").GetArrayLength());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("nextToken").ValueKind);
        Assert.Equal(started.Tasks.Select(t => t.TaskArn!), all);
    }

    [Fact]
    public async Task ListTasks_refuses_started_by_combined_with_another_filter_as_ECS_documents()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("ListTasks", $$"""
            {"cluster":"{{EcsLocalNames.Cluster}}","startedBy":"mlapp-dispatcher","family":"{{Family}}"}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidParameterException", json.RootElement.GetProperty("__type").GetString());
    }
}
