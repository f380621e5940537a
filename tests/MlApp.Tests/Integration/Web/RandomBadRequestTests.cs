using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using MlApp.Tests.Integration.Web.BadRequests;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// Thousands of malformed requests from a seeded random source, against two real web replicas on Kestrel and the AWS
/// stand-ins: every answer is a 4xx with problem details, no refused upload stores anything, and the replicas still
/// serve good requests afterwards. Set MLAPP_BAD_REQUEST_SEED to replay or explore another sequence.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RandomBadRequestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int DefaultSeed = 20261201;
    private const int Requests = 3000;
    private const int Senders = 4;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromMinutes(4);

    private WebTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await WebTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Thousands_of_malformed_requests_each_get_a_problem_4xx_store_nothing_and_good_requests_are_served_after()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MLAPP_BAD_REQUEST_SEED"), out var chosen) ? chosen : DefaultSeed;
        var settings = _bed.Settings(
            ("RateLimits:PredictionBurst", "100000"), ("RateLimits:SubmissionBurst", "100000"),
            ("Upload:MaxBytes", "1000000"), ("Logging:LogLevel:Default", "None"));
        var server = new ServerStatusRecorder();
        WebReplica[] replicas = [_bed.StartReplica(settings, server.AddTo), _bed.StartReplica(settings, server.AddTo)];
        var generator = new BadRequestGenerator(seed);
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Count && clock.Elapsed < TimeBudget)
            {
                var request = requests[index];
                var answer = await BadRequestSender.SendAsync(http, replicas[index % replicas.Length].Url, WebTestBed.BotKey, request);
                lock (statuses)
                {
                    statuses[answer.Status] = statuses.GetValueOrDefault(answer.Status) + 1;
                    // A client that closes its side mid-body may get no answer at all; what the server did is checked below.
                    var unanswered = answer.Status == 0 && request.SentBytes < request.Body.Length;
                    if (!unanswered && (answer.Status is < 400 or > 499 || answer.ContentType != "application/problem+json" || answer.Body.Contains("   at ", StringComparison.Ordinal)))
                    {
                        failures.Add($"#{index} got {answer.Status} {answer.ContentType} for {request}: {answer.Body[..Math.Min(answer.Body.Length, 300)]}");
                    }
                }
            }
        })));

        var sent = Math.Min(next, requests.Count);
        output.WriteLine($"seed {seed}: {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s; statuses {string.Join(", ", statuses.Select(pair => $"{pair.Key}: {pair.Value}"))}");
        output.WriteLine($"kinds: {string.Join(", ", requests.Take(sent).GroupBy(request => request.Kind).OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count()}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were not a problem 4xx (seed {seed}):\n{string.Join("\n", failures.Take(20))}");
        Assert.True(sent >= 2000, $"only {sent} requests were sent within {TimeBudget}");
        var served = server.Answers;
        output.WriteLine($"server side: {served.Count} answers; {string.Join(", ", served.GroupBy(answer => answer.Status).OrderBy(group => group.Key).Select(group => $"{group.Key}: {group.Count()}"))}");
        Assert.Empty(served.Where(answer => answer.Status >= 500 || answer.Exception is not null).Select(answer => answer.ToString()).Take(20));

        // Nothing stored: no job in the table and no input object in the bucket.
        var items = await _bed.Jobs.DynamoDb.ScanAsync(new ScanRequest { TableName = _bed.Jobs.Options.TableName, Select = Amazon.DynamoDBv2.Select.COUNT });
        var inputs = await _bed.Jobs.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bed.Jobs.Options.BucketName, Prefix = "inputs/" });
        Assert.Equal(0, items.Count);
        Assert.Empty(inputs.S3Objects ?? []);

        // Both replicas still serve: health, a listing, and a good upload.
        using var visitor = Visitor.WithApiKey(WebTestBed.BotKey);
        foreach (var replica in replicas)
        {
            using var health = await visitor.On(replica).GetAsync("/health");
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            await visitor.SubmitJobAsync(replica);
        }

        Assert.Equal(2, (await visitor.ListJobIdsAsync(replicas[0])).Count);
    }
}
