using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// What a job costs besides its rows: every DynamoDB and S3 request the worker processes make, counted at the proxies in
/// front of the stand-ins while two workers drain a backlog together, as the dispatcher starts them.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RoundTripTests(AwsStandIns aws, ITestOutputHelper output)
{
    private const int Jobs = 40;

    /// <summary>
    /// Claim, read the input, store the result, complete: four requests a job cannot do without. What is left over pays
    /// for finding the jobs (a look at every queue shard, shared by the claims it feeds), the claims lost to the other
    /// worker, and each worker's last look that finds the queue empty.
    /// </summary>
    private const double MostRequestsPerJob = 6;

    /// <summary>
    /// The worker's own defaults: a heartbeat every 10 s, so a job this short never beats (a long job adds one UpdateItem
    /// per interval). The fault runs' half-second beats would make the count depend on the machine's speed.
    /// </summary>
    private static readonly Dictionary<string, string> BeatsOnlyForLongJobs = new()
    {
        ["Jobs__LeaseDuration"] = "00:02:00",
        ["BatchWorker__HeartbeatInterval"] = "00:00:10",
    };

    [Fact]
    public async Task Two_workers_drain_a_backlog_with_a_claim_two_transfers_and_a_completion_per_job_and_little_else()
    {
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3, BeatsOnlyForLongJobs);
        for (var job = 0; job < Jobs; job++)
        {
            await run.SubmitAsync(rows: 20, offset: job);
        }

        var workers = new[] { run.StartWorker(), run.StartWorker() };
        foreach (var worker in workers)
        {
            Assert.Equal(0, await worker.WaitForExitAsync(FaultyBatch.StepTimeout));
        }

        var books = await run.CloseBooksAsync();
        books.AssertEveryJobDoneOnce();
        var dynamoDb = Tally(run.DynamoDb.Requests, request => request.Target?.Split('.').Last() ?? request.Method);
        var s3 = Tally(run.S3.Requests, request => request.Method);
        var total = dynamoDb.Values.Sum() + s3.Values.Sum();
        output.WriteLine($"per job: {(double)total / Jobs:F2} requests; DynamoDB " +
            string.Join(", ", dynamoDb.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {(double)pair.Value / Jobs:F2}")) +
            "; S3 " + string.Join(", ", s3.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {(double)pair.Value / Jobs:F2}")));

        // One GET of the input and one PUT of the result: no HEAD before a GET, no second look at the object.
        Assert.Equal(new Dictionary<string, int> { ["GET"] = Jobs, ["PUT"] = Jobs }, s3);
        // One claim that won and one completion per job; conditional failures (claims lost to the other worker) are counted apart.
        Assert.Equal(2 * Jobs, dynamoDb.GetValueOrDefault("UpdateItem"));
        Assert.True(total <= MostRequestsPerJob * Jobs, $"{total} requests for {Jobs} jobs, more than {MostRequestsPerJob} a job.");
    }

    /// <summary>Requests by operation; refused ones (a conditional update that lost, status 400) apart from the rest.</summary>
    private static Dictionary<string, int> Tally(IEnumerable<ProxiedRequest> requests, Func<ProxiedRequest, string> operation) => requests
        .GroupBy(request => request.Succeeded ? operation(request) : $"{operation(request)} refused")
        .ToDictionary(group => group.Key, group => group.Count());
}
