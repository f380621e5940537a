using System.Net;
using System.Text.Json;
using MlApp.Aws.Ecs;
using MlApp.Tests.Support;
using static MlApp.Tests.Support.RecordedHttpHandler;
using static MlApp.Tests.Unit.Ecs.RecordedEcsResponses;

namespace MlApp.Tests.Unit.Ecs;

/// <summary>The ECS client's four operations against responses shaped as the ECS API reference documents them, and the requests it sends.</summary>
[Trait("Category", "Unit")]
public sealed class EcsClientTests
{
    [Fact]
    public async Task With_a_capacity_provider_RunTask_asks_for_it_instead_of_fargate()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, RunTaskStarted));

        await EcsTestClient.Create(handler, options => (options.CapacityProvider, options.AssignPublicIp) = ("MlApp-gpu", false)).RunTaskAsync(1, null, null, default);

        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("launchType", out _), "ECS refuses a launch type together with a strategy");
        var strategy = Assert.Single(root.GetProperty("capacityProviderStrategy").EnumerateArray());
        Assert.Equal("MlApp-gpu", strategy.GetProperty("capacityProvider").GetString());
        Assert.Equal(1, strategy.GetProperty("weight").GetInt32());
        Assert.Equal("DISABLED", root.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration").GetProperty("assignPublicIp").GetString());
    }

    [Fact]
    public async Task RunTask_posts_a_json_1_1_request_for_fargate_in_the_configured_network_and_returns_the_tasks()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, RunTaskStarted));
        var overrides = new TaskOverride([new ContainerOverride("batch", null, [new EnvironmentVariable("JOB_HINT", "42")])]);

        var response = await EcsTestClient.Create(handler).RunTaskAsync(2, "dispatch-7", overrides, default);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://ecs.test/", request.RequestUri!.ToString());
        Assert.Equal("AmazonEC2ContainerServiceV20141113.RunTask", request.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal("application/x-amz-json-1.1", request.Content!.Headers.ContentType!.ToString());
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("mlapp", root.GetProperty("cluster").GetString());
        Assert.Equal("mlapp-batch", root.GetProperty("taskDefinition").GetString());
        Assert.Equal("FARGATE", root.GetProperty("launchType").GetString());
        Assert.Equal(2, root.GetProperty("count").GetInt32());
        Assert.Equal("mlapp-dispatcher", root.GetProperty("startedBy").GetString());
        Assert.Equal("dispatch-7", root.GetProperty("clientToken").GetString());
        var vpc = root.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");
        Assert.Equal(["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"], vpc.GetProperty("subnets").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["sg-0123456789abcdef0"], vpc.GetProperty("securityGroups").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("ENABLED", vpc.GetProperty("assignPublicIp").GetString());
        var container = root.GetProperty("overrides").GetProperty("containerOverrides")[0];
        Assert.Equal("batch", container.GetProperty("name").GetString());
        Assert.Equal("JOB_HINT", container.GetProperty("environment")[0].GetProperty("name").GetString());
        Assert.False(container.TryGetProperty("command", out _), "absent fields are left out, not sent as null");

        var task = Assert.Single(response.Tasks);
        Assert.Empty(response.Failures);
        Assert.Equal(TaskArn, task.TaskArn);
        Assert.Equal("PROVISIONING", task.LastStatus);
        Assert.Equal("RUNNING", task.DesiredStatus);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), task.CreatedAt);
        Assert.Equal("batch", Assert.Single(task.Containers).Name);
    }

    [Fact]
    public async Task RunTask_without_a_token_sends_a_fresh_one_and_a_private_ip_when_public_ips_are_off()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, RunTaskStarted));

        await EcsTestClient.Create(handler, options => options.AssignPublicIp = false).RunTaskAsync(1, null, null, default);

        using var json = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Matches("^[0-9a-f]{32}$", json.RootElement.GetProperty("clientToken").GetString());
        Assert.Equal("DISABLED", json.RootElement.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration").GetProperty("assignPublicIp").GetString());
        Assert.False(json.RootElement.TryGetProperty("overrides", out _));
    }

    [Fact]
    public async Task RunTask_returns_failures_of_a_200_next_to_the_tasks_that_did_start()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, RunTaskPartlyFailed));

        var response = await EcsTestClient.Create(handler).RunTaskAsync(2, null, null, default);

        Assert.Single(response.Tasks);
        var failure = Assert.Single(response.Failures);
        Assert.Equal("RESOURCE:MEMORY", failure.Reason);
        Assert.StartsWith("arn:aws:ecs:us-east-1:123456789012:container-instance/", failure.Arn);
    }

    [Fact]
    public async Task RunTask_that_started_nothing_is_a_200_whose_failures_name_the_reasons()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, RunTaskNoCapacity));

        var response = await EcsTestClient.Create(handler).RunTaskAsync(2, null, null, default);

        Assert.Empty(response.Tasks);
        Assert.Collection(
            response.Failures,
            capacity =>
            {
                Assert.Null(capacity.Arn);
                Assert.StartsWith("Capacity is unavailable at this time", capacity.Reason);
            },
            agent =>
            {
                Assert.Equal("AGENT", agent.Reason);
                Assert.Equal("The container instance agent is disconnected.", agent.Detail);
            });
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task DescribeTasks_returns_stopped_tasks_with_exit_code_and_stop_code_and_unknown_ones_as_missing()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, DescribeTasksStoppedAndMissing));

        var response = await EcsTestClient.Create(handler).DescribeTasksAsync([TaskArn, SecondTaskArn], default);

        using var json = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeTasks", handler.Requests[0].Request.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal("mlapp", json.RootElement.GetProperty("cluster").GetString());
        Assert.Equal([TaskArn, SecondTaskArn], json.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()));
        var task = Assert.Single(response.Tasks);
        Assert.Equal("STOPPED", task.LastStatus);
        Assert.Equal("EssentialContainerExited", task.StopCode);
        Assert.Equal(0, Assert.Single(task.Containers).ExitCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_110_040), task.StoppedAt);
        var missing = Assert.Single(response.Failures);
        Assert.Equal((SecondTaskArn, "MISSING"), (missing.Arn, missing.Reason));
    }

    [Fact]
    public async Task StopTask_sends_the_task_and_reason_and_returns_the_task_ECS_is_stopping()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, StopTaskAccepted));

        var task = await EcsTestClient.Create(handler).StopTaskAsync(TaskArn, "queue drained elsewhere", default);

        using var json = JsonDocument.Parse(handler.Requests[0].Body);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.StopTask", handler.Requests[0].Request.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal(TaskArn, json.RootElement.GetProperty("task").GetString());
        Assert.Equal("queue drained elsewhere", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal("STOPPED", task.DesiredStatus);
        Assert.Equal("UserInitiated", task.StopCode);
    }

    [Fact]
    public async Task ListRunningTasks_filters_by_started_by_alone_and_follows_next_tokens_to_the_last_page()
    {
        var handler = new RecordedHttpHandler(
            () => Json(HttpStatusCode.OK, ListTasksFirstPage),
            () => Json(HttpStatusCode.OK, ListTasksLastPage));

        var arns = await EcsTestClient.Create(handler).ListRunningTasksAsync(default);

        Assert.Equal([TaskArn, SecondTaskArn], arns);
        var first = JsonDocument.Parse(handler.Requests[0].Body).RootElement;
        var second = JsonDocument.Parse(handler.Requests[1].Body).RootElement;
        Assert.Equal("AmazonEC2ContainerServiceV20141113.ListTasks", handler.Requests[0].Request.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal("mlapp", first.GetProperty("cluster").GetString());
        Assert.Equal("mlapp-dispatcher", first.GetProperty("startedBy").GetString());
        Assert.False(first.TryGetProperty("family", out _), "startedBy must be the only filter");
        Assert.False(first.TryGetProperty("desiredStatus", out _), "RUNNING is the default and would be a second filter");
        Assert.False(first.TryGetProperty("nextToken", out _));
        Assert.Equal("eyJlbmNyeXB0ZWREYXRhIjpbXX0=", second.GetProperty("nextToken").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task RunTask_with_a_count_outside_one_to_ten_is_refused_before_any_call(int count)
    {
        var handler = new RecordedHttpHandler();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EcsTestClient.Create(handler).RunTaskAsync(count, null, null, default));

        Assert.Empty(handler.Requests);
    }
}
