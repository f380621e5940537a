using System.Net;
using System.Text.Json;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Aws.Ecs;
using static MlApp.Tests.Integration.Ecs.EcsEmulatorHarness;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>
/// Every error the emulator answers with, on the wire (status, content type, <c>{"__type","message"}</c>) and as the
/// typed exception the real client raises for it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EcsEmulatorErrorTests
{
    private const string Network = """{"awsvpcConfiguration":{"subnets":["subnet-00000000000000001"],"assignPublicIp":"ENABLED"}}""";

    [Fact]
    public async Task An_unknown_cluster_is_a_cluster_not_found_exception_for_every_operation()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync(options => options.Cluster = "no-such-cluster");

        using var raw = await ecs.PostAsync("DescribeTasks", """{"cluster":"no-such-cluster","tasks":["abc"]}""");
        var calls = new Func<Task>[]
        {
            () => ecs.Client.RunTaskAsync(1, null, null, default),
            () => ecs.Client.DescribeTasksAsync(["abc"], default),
            () => ecs.Client.StopTaskAsync("abc", "why not", default),
            () => ecs.Client.ListRunningTasksAsync(default),
        };

        await AssertErrorAsync(raw, "ClusterNotFoundException", "Cluster not found.");
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<EcsClientException>(call);
            Assert.Equal((HttpStatusCode.BadRequest, EcsErrorTypes.ClusterNotFoundException), (error.Status, error.ErrorType));
        }
    }

    [Fact]
    public async Task A_cluster_named_by_its_arn_is_the_same_cluster()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync(options => options.Cluster = $"arn:aws:ecs:us-east-1:123456789012:cluster/{EcsLocalNames.Cluster}");

        Assert.Empty(await ecs.Client.ListRunningTasksAsync(default));
    }

    [Theory]
    [InlineData("no-such-family")]
    [InlineData("batch-job:7")]
    public async Task An_unknown_task_definition_is_a_client_exception(string taskDefinition)
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync(options => options.TaskDefinition = taskDefinition);

        var error = await Assert.ThrowsAsync<EcsClientException>(() => ecs.Client.RunTaskAsync(1, null, null, default));

        Assert.Equal((EcsErrorTypes.ClientException, "Unable to describe task definition."), (error.ErrorType, error.ErrorMessage));
        Assert.Equal(0, ecs.Launcher.Starts);
    }

    [Fact]
    public async Task A_task_definition_named_by_its_arn_or_revision_one_is_known()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync(options => options.TaskDefinition = $"arn:aws:ecs:us-east-1:123456789012:task-definition/{Family}:1");

        Assert.Single((await ecs.Client.RunTaskAsync(1, null, null, default)).Tasks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public async Task A_count_outside_one_to_ten_is_an_invalid_parameter_exception(int count)
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("RunTask", $$"""
            {"cluster":"{{EcsLocalNames.Cluster}}","taskDefinition":"{{Family}}","count":{{count}},"networkConfiguration":{{Network}}}
            """);

        await AssertErrorAsync(response, "InvalidParameterException", "Count must be between 1 and 10.");
    }

    [Fact]
    public async Task RunTask_without_a_subnet_is_refused_because_awsvpc_needs_one()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("RunTask", $$"""{"cluster":"{{EcsLocalNames.Cluster}}","taskDefinition":"{{Family}}","launchType":"FARGATE"}""");

        await AssertErrorAsync(response, "InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }

    [Theory]
    [InlineData("startedBy", "\"has spaces\"")]
    [InlineData("startedBy", "\"1234567890123456789012345678901234567\"")]
    [InlineData("clientToken", "\"12345678901234567890123456789012345678901234567890123456789012345\"")]
    public async Task RunTask_refuses_started_by_and_client_tokens_that_ECS_would_refuse(string field, string value)
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("RunTask", $$"""
            {"cluster":"{{EcsLocalNames.Cluster}}","taskDefinition":"{{Family}}","networkConfiguration":{{Network}},"{{field}}":{{value}}}
            """);

        await AssertErrorAsync(response, "InvalidParameterException", null);
    }

    [Fact]
    public async Task StopTask_of_an_unknown_task_is_an_invalid_parameter_exception()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<EcsClientException>(() =>
            ecs.Client.StopTaskAsync($"arn:aws:ecs:us-east-1:123456789012:task/{EcsLocalNames.Cluster}/0123456789abcdef0123456789abcdef", "gone", default));

        Assert.Equal((EcsErrorTypes.InvalidParameterException, "The referenced task was not found."), (error.ErrorType, error.ErrorMessage));
    }

    [Fact]
    public async Task DescribeTasks_reports_unknown_tasks_as_missing_failures_in_a_200()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();
        var known = await ecs.RunOneAsync();

        var response = await ecs.Client.DescribeTasksAsync([known.TaskArn!, "0123456789abcdef0123456789abcdef"], default);

        Assert.Equal(known.TaskArn, Assert.Single(response.Tasks).TaskArn);
        var failure = Assert.Single(response.Failures);
        Assert.Equal(($"arn:aws:ecs:us-east-1:123456789012:task/{EcsLocalNames.Cluster}/0123456789abcdef0123456789abcdef", "MISSING"), (failure.Arn, failure.Reason));
    }

    [Fact]
    public async Task An_unknown_target_is_an_unknown_operation_exception()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("DeleteCluster", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"__type":"UnknownOperationException"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_serialization_exception()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("RunTask", "taskDefinition=batch-job");

        await AssertErrorAsync(response, "SerializationException", null);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_as_missing_its_authentication_token()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("ListTasks", "{}", service: null);

        await AssertErrorAsync(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    [Fact]
    public async Task A_request_signed_for_another_service_is_refused_as_an_invalid_signature()
    {
        await using var ecs = await EcsEmulatorHarness.StartAsync();

        using var response = await ecs.PostAsync("ListTasks", "{}", service: "lambda");

        await AssertErrorAsync(response, "InvalidSignatureException", "Credential should be scoped to correct service: 'ecs'. ");
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, string type, string? message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(type, json.RootElement.GetProperty("__type").GetString());
        if (message is not null)
        {
            Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
        }
    }
}
