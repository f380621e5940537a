using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using MlApp.Tests.Unit.Model;

namespace MlApp.Tests.EndToEnd;

/// <summary>The batch path through the running system: upload → DynamoDB → RunTask → ECS emulator → worker → S3 → download.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BatchTests(AppHostFixture fixture) : IAsyncLifetime
{
    private WebVisitor _owner = null!;

    private EcsEmulator Ecs => BatchTaskBoard.Emulator(fixture);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        _owner = new WebVisitor(fixture);
    }

    public Task DisposeAsync()
    {
        _owner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_uploaded_csv_is_predicted_by_a_batch_task_and_the_result_downloads_and_matches()
    {
        var rows = PenguinCsv.Rows(300, badEvery: 40).ToList();
        var startedAfter = DateTime.UtcNow;

        var job = await _owner.SubmitAsync(PenguinCsv.Text(rows));
        var done = await _owner.WaitForStatusAsync(job, "SUCCEEDED");
        var result = await _owner.DownloadResultAsync(job);

        Assert.Equal(300, done.GetProperty("rowsDone").GetInt64());
        // The local worker has ONNX Runtime's CPU build, so Model:Device's default (auto) runs the job on the CPU.
        Assert.Equal("cpu", done.GetProperty("device").GetString());
        Assert.Equal(ExpectedResult.Text(TestModels.Penguins, PenguinCsv.Header, rows, chunkRows: 1024), result);
        var ran = fixture.App.ResourceNotifications.TryGetCurrentState("batch-job", out var batch) ? batch.Snapshot : null;
        Assert.NotNull(ran?.StartTimeStamp);
        Assert.True(ran!.StartTimeStamp >= startedAfter.AddSeconds(-1), "the batch resource ran for this job");
    }

    [Fact]
    public async Task The_jobs_span_continues_the_trace_of_the_upload_that_submitted_it()
    {
        var job = await _owner.SubmitAsync(PenguinCsv.Text(PenguinCsv.Rows(10)));
        await _owner.WaitForStatusAsync(job, "SUCCEEDED");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        ExportedSpan? upload = null;
        ExportedSpan? batch = null;
        while (upload is null || batch is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            var spans = fixture.Traces.Spans.ToList();
            batch = spans.FirstOrDefault(span => span.Name == "batch job" && spans.Any(parent => parent.SpanId == span.ParentSpanId
                && parent.Name.StartsWith("POST /api/jobs", StringComparison.Ordinal)));
            upload = batch is null ? null : spans.Single(span => span.SpanId == batch.ParentSpanId);
        }

        Assert.Equal(upload.TraceId, batch.TraceId);
    }

    [Fact]
    public async Task Jobs_stay_queued_while_RunTask_fails_and_the_safety_net_completes_each_exactly_once_later()
    {
        var inputs = new[] { 20, 45, 70 }.Select(count => PenguinCsv.Rows(count, offset: count).ToList()).ToList();
        var jobs = new List<string>();
        Ecs.Faults.FailAll = true;
        try
        {
            // A task still draining from an earlier test would take the jobs without any RunTask: let it finish first.
            // RunTask already fails, so no new one can start for jobs those tests left queued.
            using (var idle = new CancellationTokenSource(AppHostFixture.WaitTimeout))
            {
                await BatchTaskBoard.WaitUntilNoneRunAsync(fixture, idle.Token);
            }

            foreach (var rows in inputs)
            {
                jobs.Add(await _owner.SubmitAsync(PenguinCsv.Text(rows)));
            }

            // Two rounds of the safety net, each of them refused too.
            await Task.Delay(AppHostFixture.SafetyNetInterval * 2);
            foreach (var job in jobs)
            {
                var waiting = await _owner.GetJobAsync(job);
                Assert.Equal(("QUEUED", 0), (waiting.GetProperty("status").GetString(), waiting.GetProperty("attempts").GetInt32()));
            }
        }
        finally
        {
            Ecs.Faults.FailAll = false;
        }

        // Not lost: each completes, with its own rows. Not doubled: one claim each, though RunTask was asked again and again.
        foreach (var (job, rows) in jobs.Zip(inputs))
        {
            var done = await _owner.WaitForStatusAsync(job, "SUCCEEDED");
            Assert.Equal((rows.Count, 1), (done.GetProperty("rowsDone").GetInt64(), done.GetProperty("attempts").GetInt32()));
            Assert.Equal(ExpectedResult.Text(TestModels.Penguins, PenguinCsv.Header, rows, chunkRows: 1024), await _owner.DownloadResultAsync(job));
        }
    }
}
