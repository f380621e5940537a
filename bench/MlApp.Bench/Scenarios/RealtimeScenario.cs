using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlApp.Model;

using MlApp.Model.Features;
using MlApp.Model.Onnx;
namespace MlApp.Bench;

/// <summary>
/// Warm realtime latency as a caller sees it: requests of one row each from 100 concurrent clients to the web's
/// <c>/api/predict</c>, which invokes the function through the Lambda emulator, served by two function instances
/// (processes): the AppHost's local shape. The same rows through the predictor in this process are the floor; the
/// difference is what validation, the hops and the queue cost. <c>--direct</c> skips the web and calls the Invoke API.
/// </summary>
internal sealed class RealtimeScenario : IScenario
{
    private const int Clients = 100;
    private const int Instances = 2;
    private const string FunctionName = "realtime-function";
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(60);

    /// <summary>How long one batch of requests may take; what is left unsent then counts as errors.</summary>
    private static readonly TimeSpan LoadBudget = TimeSpan.FromMinutes(3);

    public string Name => "realtime";

    public string Description => "warm latency via web /api/predict -> Lambda emulator -> 2 function instances, vs in process";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var requests = options.Scaled(10_000, 1_000);
        using var predictor = OnnxPredictor.Load(options.ModelPath ?? ModelFolder.DefaultPath, options.IntraOpThreads);
        var rows = BenchPayloads.SampleRows(predictor.Card, requests, seed: 42);
        var bodies = rows.Select(row => JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["inputs"] = new JsonArray(row.DeepClone()) })).ToArray();
        var reader = new JsonFeatureReader(predictor.Card);
        var features = rows.Select(row => reader.Read(JsonSerializer.SerializeToElement(row)).Value
            ?? throw new InvalidOperationException($"A sampled row is not valid for the card: {row.ToJsonString()}")).ToArray();

        var inProcess = InProcess(predictor, features);
        Console.WriteLine($"in process: p50 {Stats.Percentile(inProcess, 50):F3} ms, p99 {Stats.Percentile(inProcess, 99):F3} ms over {features.Length} rows, one at a time");

        var function = options.Aot ? await FunctionBuild.AotAsync(options.AotPath, cancellationToken) : FunctionBuild.Jit();
        await using var lambda = await LocalLambda.StartAsync(cancellationToken);
        lambda.AddFunction(FunctionName);
        var processes = new List<ChildProcess>();
        LocalStorage? storage = null;
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(StartBudget);
            for (var instance = 0; instance < Instances; instance++)
            {
                processes.Add(function.Start(lambda, FunctionName, options.ModelPath));
            }

            await Task.WhenAll(processes.Select(process => process.ModelLoadMsAsync(budget.Token)));
            Console.WriteLine($"{Instances} {function.Kind} instances up: {function.Describe()}");

            Uri target;
            string path;
            if (options.Direct)
            {
                (target, path) = (lambda.Url, LocalLambda.InvokePath(FunctionName));
                Console.WriteLine($"via the emulator's Invoke API: {lambda.Url}{path}");
            }
            else
            {
                // /api/predict never reaches DynamoDB or ECS, but the web reads its data-protection keys from S3 at start,
                // as every replica does in AWS; the dispatch safety net sleeps.
                storage = await LocalStorage.StartAsync(budget.Token);
                Console.WriteLine($"rate limits for this run: {string.Join(", ", BenchRateLimits.Generous.Select(pair => $"{pair.Key}={pair.Value}"))}");
                var web = LocalWeb.Start(lambda, FunctionName, options.ModelPath, storage, ecsUrl: null,
                    new Dictionary<string, string?>(BenchRateLimits.Generous) { ["Dispatch__SafetyNetInterval"] = "01:00:00" }, out target);
                processes.Add(web);
                await LocalWeb.WaitUntilHealthyAsync(web, target, budget.Token);
                path = "api/predict";
                Console.WriteLine($"via the web: {target}{path} -> {lambda.Url}{LocalLambda.InvokePath(FunctionName)}");
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients })
            {
                BaseAddress = target,
                Timeout = TimeSpan.FromSeconds(30),
            };

            var warmup = await LoadAsync(http, path, bodies, options.Scaled(1_000, 200), Clients, cancellationToken);
            Console.WriteLine($"warm-up: {warmup.Latencies.Count} requests, {warmup.Errors} errors");

            // One client at a time: the cost of the hops without any queue in front of the two instances.
            var serial = await LoadAsync(http, path, bodies, options.Scaled(1_000, 200), 1, cancellationToken);
            Report("1 client", serial);

            var load = await LoadAsync(http, path, bodies, requests, Clients, cancellationToken);
            Report($"{Clients} clients", load);

            var p50 = Stats.Percentile(load.Latencies, 50);
            var p99 = Stats.Percentile(load.Latencies, 99);
            return new BenchResult(Name)
                .Add("p50_ms", p50)
                .Add("p99_ms", p99)
                .Add("inproc_p50_ms", Stats.Percentile(inProcess, 50), "F3")
                .Add("overhead_p50_ms", p50 - Stats.Percentile(inProcess, 50))
                .Add("overhead_p99_ms", p99 - Stats.Percentile(inProcess, 99))
                .Add("errors", load.Errors, "F0")
                .Add("rps", load.Latencies.Count / load.Elapsed.TotalSeconds, "F0")
                .Add("serial_p50_ms", Stats.Percentile(serial.Latencies, 50))
                .Add("serial_p99_ms", Stats.Percentile(serial.Latencies, 99));
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            if (storage is not null)
            {
                await storage.DisposeAsync();
            }
        }
    }

    private static List<double> InProcess(IPredictor predictor, IReadOnlyList<FeatureRow> rows)
    {
        foreach (var row in rows.Take(1_000))
        {
            predictor.Predict(row);
        }

        var latencies = new List<double>(rows.Count);
        foreach (var row in rows)
        {
            var start = Stopwatch.GetTimestamp();
            predictor.Predict(row);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }

    /// <summary>
    /// Sends <paramref name="count"/> requests from <paramref name="clients"/> concurrent clients, each sending its next
    /// request as soon as the last one is answered. A request counts only when it is a 200 with one prediction.
    /// </summary>
    private static async Task<LoadResult> LoadAsync(HttpClient http, string path, byte[][] bodies, int count, int clients, CancellationToken stoppingToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        budget.CancelAfter(LoadBudget);
        var cancellationToken = budget.Token;
        var latencies = new double[count];
        var succeeded = new bool[count];
        var next = -1;
        string? firstError = null;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var index = Interlocked.Increment(ref next); index < count && !cancellationToken.IsCancellationRequested; index = Interlocked.Increment(ref next))
            {
                var body = bodies[index % bodies.Length];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await http.PostAsync(path, content, cancellationToken);
                    var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    succeeded[index] = response.StatusCode == HttpStatusCode.OK
                        && !response.Headers.Contains("X-Amz-Function-Error")
                        && BenchPayloads.HasPredictions(answer, body);
                    if (!succeeded[index])
                    {
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}", null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        }, CancellationToken.None)));

        stoppingToken.ThrowIfCancellationRequested();
        if (budget.IsCancellationRequested)
        {
            Console.WriteLine($"stopped after {LoadBudget.TotalMinutes:F0} minutes; requests not answered by then count as errors");
        }

        if (firstError is not null)
        {
            Console.WriteLine($"first error: {firstError}");
        }

        var ok = Enumerable.Range(0, count).Where(index => succeeded[index]).Select(index => latencies[index]).ToList();
        return ok.Count > 0
            ? new LoadResult(ok, count - ok.Count, stopwatch.Elapsed)
            : throw new InvalidOperationException($"None of {count} requests got a prediction; the first error: {firstError}");
    }

    private static void Report(string what, LoadResult result) => Console.WriteLine(
        $"{what}: p50 {Stats.Percentile(result.Latencies, 50):F1} ms, p99 {Stats.Percentile(result.Latencies, 99):F1} ms, " +
        $"{result.Latencies.Count / result.Elapsed.TotalSeconds:F0} requests/s, {result.Errors} errors of {result.Latencies.Count + result.Errors}");

    private sealed record LoadResult(List<double> Latencies, int Errors, TimeSpan Elapsed);
}
