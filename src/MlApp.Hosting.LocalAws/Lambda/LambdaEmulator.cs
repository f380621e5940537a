using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// A small Lambda control plane on 127.0.0.1: the Invoke API for callers and the Runtime API for function instances,
/// so a function project runs locally exactly as its container image runs in Lambda, without Docker.
/// </summary>
public sealed class LambdaEmulator : IAsyncDisposable
{
    private readonly LambdaFunctionRegistry _functions = new();
    private WebApplication? _app;

    private Uri? _url;

    public Uri Url => _url ?? throw new InvalidOperationException("The Lambda emulator has not started.");

    public void AddFunction(LambdaFunctionSettings settings) => _functions.Add(settings);

    /// <summary>The next <paramref name="count"/> invocations of the function reach it with a payload it cannot handle.</summary>
    public void InjectFaults(string functionName, int count) => Function(functionName).InjectFaults(count);

    public long InvocationsReceived(string functionName) => Function(functionName).InvocationsReceived;

    /// <summary>Instances of the function waiting for work right now (the warm, idle ones).</summary>
    public int PollingInstances(string functionName) => Function(functionName).PollingInstances;

    /// <summary>Invocations an instance of the function has been handed (its <c>next</c> answered), whether or not it answered them.</summary>
    public long InvocationsDelivered(string functionName) => Function(functionName).InvocationsDelivered;

    /// <summary>A line an instance of the function wrote to its log; it joins the tail of the invocation it names.</summary>
    public void RecordFunctionLog(string functionName, string line) => Function(functionName).RecordLog(line);

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c> for instances of <paramref name="functionName"/>.</summary>
    public string RuntimeApiFor(string functionName) => $"{Url.Authority}/{functionName}";

    public async Task StartAsync(ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        (_app, _url) = await LoopbackServer.StartAsync(app =>
        {
            app.MapLambdaInvokeApi(_functions, time, logger);
            app.MapLambdaRuntimeApi(_functions, logger);
        }, cancellationToken);
    }

    private LambdaFunctionQueue Function(string name) =>
        _functions.TryGet(name, out var function) ? function : throw new ArgumentException($"No function '{name}' is registered.", nameof(name));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(grace.Token);
            await _app.DisposeAsync();
        }
    }
}
