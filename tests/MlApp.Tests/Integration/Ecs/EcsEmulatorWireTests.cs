using System.Net;
using System.Text.Json;
using MlApp.Hosting.LocalAws.Ecs;
using static MlApp.Tests.Integration.Ecs.EcsEmulatorHarness;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>The emulator's answers read as raw JSON, independently of the client's serializer: field names, types, ARNs.</summary>
[Trait("Category", "Integration")]
public sealed class EcsEmulatorWireTests
{
    [Fact]
    public async Task RunTask_answers_json_1_1_with_a_provisioning_task_in_ECS_shape()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("RunTask", $$"""
            {"cluster":"{{EcsLocalNames.Cluster}}","taskDefinition":"{{Family}}","launchType":"FARGATE","count":1,
             "startedBy":"mlapp-dispatcher","clientToken":"wire-1",
             "overrides":{"containerOverrides":[{"name":"{{Family}}","environment":[{"name":"A","value":"1"}]}]},
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-00000000000000001"],"securityGroups":["sg-00000000000000001"],"assignPublicIp":"ENABLED"} } }
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("failures").GetArrayLength());
        var task = Assert.Single(root.GetProperty("tasks").EnumerateArray());
        Assert.Matches($"^arn:aws:ecs:us-east-1:123456789012:task/{EcsLocalNames.Cluster}/[0-9a-f]{{32}}$", task.GetProperty("taskArn").GetString());
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:cluster/{EcsLocalNames.Cluster}", task.GetProperty("clusterArn").GetString());
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:task-definition/{Family}:1", task.GetProperty("taskDefinitionArn").GetString());
        Assert.Equal("PROVISIONING", task.GetProperty("lastStatus").GetString());
        Assert.Equal("RUNNING", task.GetProperty("desiredStatus").GetString());
        Assert.Equal("FARGATE", task.GetProperty("launchType").GetString());
        Assert.Equal("mlapp-dispatcher", task.GetProperty("startedBy").GetString());
        Assert.Equal($"family:{Family}", task.GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Number, task.GetProperty("createdAt").ValueKind);
        Assert.InRange(task.GetProperty("createdAt").GetDouble(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.False(task.TryGetProperty("stoppedAt", out _), "fields without a value are absent, not null");
        Assert.Equal("A", task.GetProperty("overrides").GetProperty("containerOverrides")[0].GetProperty("environment")[0].GetProperty("name").GetString());
        var container = Assert.Single(task.GetProperty("containers").EnumerateArray());
        Assert.Equal(Family, container.GetProperty("name").GetString());
        Assert.Equal("PENDING", container.GetProperty("lastStatus").GetString());
        Assert.Equal(task.GetProperty("taskArn").GetString(), container.GetProperty("taskArn").GetString());
    }

    [Fact]
    public async Task DescribeTasks_of_a_stopped_task_carries_numeric_times_stop_code_and_exit_code()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var started = await ecs.RunOneAsync();
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Running);
        await ecs.Launcher.ReportAsync(Family, ResourcePhase.Exited, 0);
        var id = started.TaskArn![(started.TaskArn!.LastIndexOf('/') + 1)..];

        using var response = await ecs.PostAsync("DescribeTasks", $$"""{"cluster":"{{EcsLocalNames.Cluster}}","tasks":["{{id}}"]}""");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var task = Assert.Single(json.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal(0, json.RootElement.GetProperty("failures").GetArrayLength());
        Assert.Equal(started.TaskArn, task.GetProperty("taskArn").GetString());
        Assert.Equal("STOPPED", task.GetProperty("lastStatus").GetString());
        Assert.Equal("STOPPED", task.GetProperty("desiredStatus").GetString());
        Assert.Equal("EssentialContainerExited", task.GetProperty("stopCode").GetString());
        Assert.All(["createdAt", "startedAt", "stoppingAt", "stoppedAt"], name => Assert.Equal(JsonValueKind.Number, task.GetProperty(name).ValueKind));
        Assert.Equal(0, task.GetProperty("containers")[0].GetProperty("exitCode").GetInt32());
        Assert.Equal("STOPPED", task.GetProperty("containers")[0].GetProperty("lastStatus").GetString());
    }
}
