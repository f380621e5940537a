using System.Collections.Concurrent;
using System.Diagnostics;
using MlApp.Model;

using MlApp.Model.Card;
namespace MlApp.Bench;

/// <summary>
/// 100, then 1,000 concurrent virtual users on the web, each with its own owner cookie: the page, a prediction (web →
/// Lambda emulator → two function instances), a CSV submitted as a job (S3, DynamoDB, then RunTask to the ECS emulator,
/// whose task is a real worker process) and a look at the job, with 1 to 5 s of thinking before each step. The web's
/// per-owner rate limits are set far above what the users do, and the run says so: it measures capacity, not limits.
/// </summary>
internal sealed class LoadScenario : IScenario
{
    private const string FunctionName = "realtime-function";
    private const int FunctionInstances = 2;
    private static readonly TimeSpan ThinkMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ThinkMax = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(5);

    /// <summary>Far above what any virtual user does: the limits are someone else's concern and would turn load into 429s.</summary>
    public string Name => "load";

    public string Description => "100 and 1,000 virtual users: page, predict, submit a job, poll (generous rate limits)";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var card = ModelCardJson.Load(Path.Combine(options.ModelPath ?? ModelFolder.DefaultPath, ModelFolder.CardFileName));
        var work = new LoadWork(BenchPayloads.ExampleEnvelope(options.ModelPath), BatchCsv.Create(card, 20), ThinkMin, ThinkMax);
        var iterations = options.Scaled(3, 1);

        await using var storage = await LocalStorage.StartAsync(cancellationToken);
        await using var lambda = await LocalLambda.StartAsync(cancellationToken);
        lambda.AddFunction(FunctionName);
        await using var ecs = await LocalEcs.StartAsync(storage, cancellationToken);
        var processes = new List<ChildProcess>();
        try
        {
            using var startBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startBudget.CancelAfter(TimeSpan.FromSeconds(60));
            for (var instance = 0; instance < FunctionInstances; instance++)
            {
                processes.Add(FunctionBuild.Jit().Start(lambda, FunctionName, options.ModelPath));
            }

            Console.WriteLine($"rate limits for this run: {string.Join(", ", BenchRateLimits.Generous.Select(pair => $"{pair.Key}={pair.Value}"))}");
            var web = LocalWeb.Start(lambda, FunctionName, options.ModelPath, storage, ecs.Url, BenchRateLimits.Generous, out var url);
            processes.Add(web);
            await Task.WhenAll(processes.Take(FunctionInstances).Select(process => process.ModelLoadMsAsync(startBudget.Token)));
            await LocalWeb.WaitUntilHealthyAsync(web, url, startBudget.Token);

            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = int.MaxValue })
            {
                BaseAddress = url,
                Timeout = TimeSpan.FromSeconds(30),
            };

            // Warm-up, not counted: JIT, connection pools and the first worker start.
            await RunUsersAsync(http, work with { ThinkMin = TimeSpan.Zero, ThinkMax = TimeSpan.FromMilliseconds(200) }, 50, 1, cancellationToken);

            BenchResult? result = null;
            foreach (var users in new[] { 100, 1_000 })
            {
                var (samples, elapsed) = await RunUsersAsync(http, work, users, iterations, cancellationToken);
                result = Summarize(users, samples, elapsed);
                Console.WriteLine(result);
            }

            Console.WriteLine($"batch worker processes started by RunTask during the run: {ecs.Starts}");
            return result!;
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<(List<LoadSample> Samples, TimeSpan Elapsed)> RunUsersAsync(
        HttpClient http, LoadWork work, int users, int iterations, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(RunBudget);
        var samples = new ConcurrentQueue<LoadSample>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user =>
            new VirtualUser(http, work, new Random(user), samples.Enqueue).RunAsync(iterations, budget.Token)));
        return ([.. samples], stopwatch.Elapsed);
    }

    private BenchResult Summarize(int users, List<LoadSample> samples, TimeSpan elapsed)
    {
        foreach (var kind in samples.GroupBy(sample => sample.Kind))
        {
            var ok = kind.Where(sample => sample.Ok).Select(sample => sample.Milliseconds).ToList();
            Console.WriteLine($"{users} users, {kind.Key}: {kind.Count()} requests, p50 {Percentile(ok, 50):F1} ms, p99 {Percentile(ok, 99):F1} ms, " +
                $"{kind.Count(sample => !sample.Ok)} errors");
        }

        if (samples.FirstOrDefault(sample => !sample.Ok) is { } failed)
        {
            Console.WriteLine($"first error: {failed.Error}");
        }

        // Errors count with their latency too: a request that failed fast must not make the percentiles look better.
        var all = samples.Select(sample => sample.Milliseconds).ToList();
        return new BenchResult(Name)
            .Add("users", users, "F0")
            .Add("rps", samples.Count / elapsed.TotalSeconds, "F0")
            .Add("p50_ms", Percentile(all, 50))
            .Add("p99_ms", Percentile(all, 99))
            .Add("errors", samples.Count(sample => !sample.Ok), "F0")
            .Add("requests", samples.Count, "F0");
    }

    private static double Percentile(List<double> samples, double percent) => samples.Count == 0 ? double.NaN : Stats.Percentile(samples, percent);
}
