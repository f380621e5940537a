using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MlApp.Jobs;

namespace MlApp.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class AppHostTests(AppHostFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task Every_resource_reaches_running_or_healthy()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        var autoStarted = App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is ProjectResource or ExecutableResource or ContainerResource)
            .Where(r => !r.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .Select(r => r.Name)
            .ToList();

        Assert.Contains("web", autoStarted);
        Assert.Contains("realtime-function", autoStarted);
        Assert.True(autoStarted.Count > 2, "Expected the DynamoDB and S3 stand-ins besides the projects.");

        var events = await Task.WhenAll(autoStarted.Select(name =>
            App.ResourceNotifications.WaitForResourceHealthyAsync(name, WaitBehavior.StopOnResourceUnavailable, timeout.Token)));

        Assert.All(events, e =>
        {
            Assert.Equal(KnownResourceStates.Running, e.Snapshot.State?.Text);
            Assert.Equal(HealthStatus.Healthy, e.Snapshot.HealthStatus);
            // Every health report, the stand-ins' provisioning checks included, has passed.
            Assert.All(e.Snapshot.HealthReports, report => Assert.Equal(HealthStatus.Healthy, report.Status));
        });
    }

    [Fact]
    public async Task Web_answers_health_with_healthy()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("web", WaitBehavior.StopOnResourceUnavailable, timeout.Token);

        using var http = App.CreateHttpClient("web");
        using var response = await http.GetAsync("/health", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    [Fact]
    public async Task Batch_job_started_on_demand_drains_and_finishes_with_exit_code_zero()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        // Other tests' uploads may have started it through RunTask: wait until it is idle, then start it ourselves.
        await BatchTaskBoard.WaitUntilNoneRunAsync(fixture, timeout.Token);
        var startedAt = DateTime.UtcNow;

        var started = await App.ResourceCommands.ExecuteCommandAsync("batch-job", KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(started.Success, started.Message);

        var finished = await App.ResourceNotifications.WaitForResourceAsync("batch-job",
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished && e.Snapshot.StartTimeStamp >= startedAt.AddSeconds(-1), timeout.Token);
        Assert.Equal(0, finished.Snapshot.ExitCode);
    }

    [Fact]
    public async Task Stand_ins_hold_the_job_table_with_its_queue_index_and_the_data_bucket()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await using var storage = await AppHostStorage.ConnectAsync(fixture);
        var env = storage.Environment;
        var dynamo = storage.Dynamo;
        var s3 = storage.S3;

        Assert.Equal("mlapp-jobs", env["Jobs__TableName"]);
        Assert.Equal("mlapp-data", env["Jobs__BucketName"]);
        Assert.Equal("us-east-1", env["AWS_REGION"]);
        Assert.StartsWith("http://127.0.0.1:", env["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.StartsWith("http://127.0.0.1:", env["AWS_ENDPOINT_URL_S3"]);

        var table = (await dynamo.DescribeTableAsync(env["Jobs__TableName"], timeout.Token)).Table;
        Assert.Equal("mlapp-jobs", table.TableName);
        Assert.Contains(JobAttributes.QueueIndex, (table.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName));

        var buckets = (await s3.ListBucketsAsync(timeout.Token)).Buckets ?? [];
        Assert.Contains("mlapp-data", buckets.Select(b => b.BucketName));
    }
}
