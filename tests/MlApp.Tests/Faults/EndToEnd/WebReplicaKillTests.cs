using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using MlApp.Tests.EndToEnd;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.EndToEnd;

/// <summary>
/// One of the two web replicas is SIGKILLed while clients predict and upload steadily through Aspire's proxy (the ALB's
/// stand-in): the other replica keeps serving, the errors are counted and reported, and every upload, retried with its
/// idempotency key where it failed, ends as exactly one job that completes.
/// </summary>
[Collection(AppHostFaultsCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WebReplicaKillTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private const int ReplicaCount = 2;
    private const int Predictors = 4;
    private const int UploadTries = 5;
    private const int RowsPerJob = 20;

    /// <summary>Each client's last requests, which the surviving replica must all have served.</summary>
    private const int LastRequests = 5;

    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private static readonly object Row = new
    {
        input = new { island = "Biscoe", bill_length_mm = 48.7, bill_depth_mm = 14.1, flipper_length_mm = 210, body_mass_g = 4450, sex = "FEMALE" },
    };

    private readonly ConcurrentQueue<LoadOutcome> _outcomes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task Killing_one_web_replica_under_steady_load_leaves_the_other_serving_and_every_upload_one_completed_job()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        var replicas = await Replicas.RunningAsync(fixture.App, "web", ReplicaCount, AppHostFixture.WaitTimeout);
        var clients = Enumerable.Range(0, Predictors + 1).Select(_ => new WebVisitor(fixture)).ToList();
        var uploader = clients[^1];
        var jobs = new ConcurrentDictionary<string, string>();
        var killed = false;
        try
        {
            using var stop = new CancellationTokenSource();
            _clock.Restart();
            var load = clients.Take(Predictors).Select((client, index) => PredictLoopAsync(client, index, stop.Token))
                .Append(UploadLoopAsync(uploader, Predictors, jobs, stop.Token))
                .ToList();

            await Task.Delay(BeforeKill);
            var killedAt = _clock.Elapsed;
            UnixSignals.Send(replicas[0].AppProcessId, UnixSignals.Kill);
            killed = true;
            await Task.Delay(AfterKill);
            await UntilEachClientSentMoreThanItsLastRequestsAsync(killedAt, clients.Count);
            await stop.CancelAsync();
            await Task.WhenAll(load);

            Report(killedAt);
            foreach (var client in _outcomes.GroupBy(outcome => outcome.Client))
            {
                // A request under way on the killed replica, or sent on a connection the proxy had given it, may fail;
                // the rest go to the survivor, so each client ends with a run of successes.
                var afterKill = client.Where(outcome => outcome.EndedAt > killedAt).OrderBy(outcome => outcome.EndedAt).ToList();
                var last = afterKill.TakeLast(LastRequests).ToList();
                Assert.True(afterKill.Count > LastRequests, $"client {client.Key} sent only {afterKill.Count} requests after the kill");
                Assert.True(last.TrueForAll(outcome => outcome.Succeeded), $"client {client.Key} still fails at the end: {string.Join("; ", last)}");
            }

            await AssertEachUploadIsOneCompletedJobAsync(uploader, jobs);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());

            // Leave the app as it was found, two replicas, for the other tests of the collection, pass or fail.
            if (killed)
            {
                using var restart = new CancellationTokenSource(AppHostFixture.WaitTimeout);
                await Replicas.StartAsync(fixture.App, replicas[0], restart.Token);
                await Replicas.RunningAsync(fixture.App, "web", ReplicaCount, AppHostFixture.WaitTimeout);
            }
        }
    }

    private async Task PredictLoopAsync(WebVisitor client, int index, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await RecordAsync(index, async () =>
            {
                using var response = await client.Http.PostAsJsonAsync("/api/predict", Row);
                return response.StatusCode;
            });
            await Task.Delay(Pause, CancellationToken.None);
        }
    }

    /// <summary>Uploads one small job after another; a failed upload is retried with its key, as a careful client does.</summary>
    private async Task UploadLoopAsync(WebVisitor client, int index, ConcurrentDictionary<string, string> jobs, CancellationToken stop)
    {
        var csv = PenguinCsv.Text(PenguinCsv.Rows(RowsPerJob));
        while (!stop.IsCancellationRequested)
        {
            var key = Guid.NewGuid().ToString();
            for (var attempt = 1; attempt <= UploadTries && !jobs.ContainsKey(key); attempt++)
            {
                await RecordAsync(index, async () =>
                {
                    using var response = await client.UploadAsync(csv, key);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        jobs[key] = (await WebVisitor.ReadJsonAsync(response)).GetProperty("id").GetString()!;
                    }

                    return response.StatusCode;
                });
            }

            Assert.True(jobs.ContainsKey(key), $"an upload failed {UploadTries} times in a row");
            await Task.Delay(Pause * 10, CancellationToken.None);
        }
    }

    private async Task RecordAsync(int client, Func<Task<HttpStatusCode>> request)
    {
        try
        {
            var status = await request();
            _outcomes.Enqueue(new LoadOutcome(client, _clock.Elapsed, (int)status is >= 200 and < 300, $"{(int)status}"));
        }
        catch (HttpRequestException e)
        {
            _outcomes.Enqueue(new LoadOutcome(client, _clock.Elapsed, false, $"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// The load goes on past <see cref="AfterKill"/> until every client has ended more than <see cref="LastRequests"/>
    /// requests after the kill (within the fixture's wait), so that a slow host makes the test take longer, not fail: an
    /// upload takes a second or more when the machine is busy.
    /// </summary>
    private async Task UntilEachClientSentMoreThanItsLastRequestsAsync(TimeSpan killedAt, int clients)
    {
        var giveUp = _clock.Elapsed + AppHostFixture.WaitTimeout;
        while (_clock.Elapsed < giveUp && _outcomes.Where(outcome => outcome.EndedAt > killedAt)
                   .GroupBy(outcome => outcome.Client).Count(client => client.Count() > LastRequests) < clients)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private void Report(TimeSpan killedAt)
    {
        var all = _outcomes.ToList();
        var after = all.Where(outcome => outcome.EndedAt >= killedAt).ToList();
        output.WriteLine($"web replica killed at {killedAt.TotalSeconds:F1} s; requests: {all.Count}, errors: {all.Count(o => !o.Succeeded)} " +
            $"(after the kill: {after.Count(o => !o.Succeeded)} of {after.Count})");
        foreach (var error in all.Where(outcome => !outcome.Succeeded))
        {
            output.WriteLine($"  client {error.Client} at {error.EndedAt.TotalSeconds:F2} s: {error.What}");
        }
    }

    private async Task AssertEachUploadIsOneCompletedJobAsync(WebVisitor uploader, ConcurrentDictionary<string, string> jobs)
    {
        using var list = await uploader.Http.GetAsync("/api/jobs?pageSize=100");
        var listed = (await WebVisitor.ReadJsonAsync(list)).GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()).ToList();
        Assert.Equal(jobs.Values.Order(), listed.Order());

        foreach (var id in jobs.Values)
        {
            var done = await uploader.WaitForStatusAsync(id, "SUCCEEDED");
            Assert.Equal(RowsPerJob, done.GetProperty("rowsDone").GetInt64());
            Assert.Equal(1, done.GetProperty("attempts").GetInt32());
        }

        output.WriteLine($"uploads: {jobs.Count}, jobs: {listed.Count}, all SUCCEEDED once with {RowsPerJob} rows; lost 0, duplicated 0");
    }
}
