namespace MlApp.RealtimeFunction.Runtime;

/// <summary>
/// The custom runtime's loop: next → handle within the deadline → response or error, forever. A failing event never
/// ends the process; only a broken Runtime API does, and then Lambda replaces the instance.
/// </summary>
public sealed partial class LambdaRuntimeLoop(
    LambdaRuntimeClient runtime, ILambdaHandler handler, TimeProvider time, ILogger<LambdaRuntimeLoop> logger, TelemetryFlusher? telemetry = null)
{
    /// <summary>
    /// Serves invocations until <paramref name="stoppingToken"/> is cancelled. A stop always ends it with an
    /// <see cref="OperationCanceledException"/>, whether it came while waiting for the next event or between two.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var invocation = await runtime.NextAsync(stoppingToken);
            await HandleOneAsync(invocation, stoppingToken);
        }
    }

    public async Task HandleOneAsync(LambdaInvocation invocation, CancellationToken stoppingToken)
    {
        // Every line logged while handling names its invocation, as Lambda's own runtimes do, so one invocation's lines
        // can be found among all the instances' (and the local emulator can return them as the invocation's log tail).
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["awsRequestId"] = invocation.RequestId });
        try
        {
            await AnswerAsync(invocation, stoppingToken);
        }
        catch (LambdaAnswerRefusedException e)
        {
            LogAnswerRefused(invocation.RequestId, e);
        }
    }

    private async Task AnswerAsync(LambdaInvocation invocation, CancellationToken stoppingToken)
    {
        var remaining = invocation.Deadline - time.GetUtcNow();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);

        byte[] response;
        try
        {
            response = await handler.HandleAsync(invocation, deadline.Token);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogInvocationFailed(invocation.RequestId, e);
            FlushTelemetry();
            await runtime.ReportInvocationErrorAsync(invocation.RequestId, LambdaError.From(e), stoppingToken);
            return;
        }

        FlushTelemetry();
        await runtime.RespondAsync(invocation.RequestId, response, stoppingToken);
    }

    private void FlushTelemetry() => telemetry?.Flush();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to invocation {RequestId} was refused; serving the next one")]
    private partial void LogAnswerRefused(string requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation {RequestId} failed; reported to the Runtime API")]
    private partial void LogInvocationFailed(string requestId, Exception exception);
}
