using System.Net;
using MlApp.BatchJob;
using MlApp.Tests.Support;

namespace MlApp.Tests.Unit.Batch;

[Trait("Category", "Unit")]
public sealed class WorkerIdentityTests
{
    private const string TaskArn = "arn:aws:ecs:us-east-1:123456789012:task/mlapp/0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task On_ECS_the_worker_is_named_after_its_task()
    {
        var metadata = new RecordedHttpHandler(() => RecordedHttpHandler.Json(HttpStatusCode.OK, $$"""{"Cluster":"mlapp","TaskARN":"{{TaskArn}}"}"""));

        var id = await WorkerIdentity.ResolveAsync("http://metadata.invalid/v4/container-id", metadata, default);

        Assert.Equal(TaskArn, id);
        Assert.Equal("http://metadata.invalid/v4/container-id/task", metadata.Requests.Single().Request.RequestUri!.ToString());
    }

    [Fact]
    public async Task Elsewhere_the_worker_is_named_after_its_machine_and_process()
    {
        var id = await WorkerIdentity.ResolveAsync(null, handler: null, default);

        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", id);
    }

    [Fact]
    public async Task A_metadata_endpoint_that_fails_falls_back_to_the_machine_name()
    {
        var metadata = new RecordedHttpHandler(() => RecordedHttpHandler.Json(HttpStatusCode.InternalServerError, "{}"));

        var id = await WorkerIdentity.ResolveAsync("http://metadata.invalid/v4/container-id", metadata, default);

        Assert.Equal(WorkerIdentity.Fallback, id);
    }
}
