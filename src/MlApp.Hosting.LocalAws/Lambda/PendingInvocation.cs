using System.Globalization;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>An Invoke call waiting for an instance to take it and answer.</summary>
internal sealed class PendingInvocation(byte[] payload, TimeSpan timeout, TimeProvider time, string? traceId)
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private DateTimeOffset? _deadline;
    private ITimer? _timeout;

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public byte[] Payload { get; } = payload;

    public string? TraceId { get; } = traceId;

    /// <summary>The invocation's log, kept only when the caller asked for its tail.</summary>
    public InvocationLog? Log { get; private set; }

    public Task<InvocationOutcome> Outcome => _outcome.Task;

    public InvocationLog KeepLog(int memorySizeMb) => Log = new InvocationLog(RequestId, memorySizeMb);

    /// <summary>
    /// An instance takes the call, and from now on it has the function's timeout to answer: Lambda runs the timeout from
    /// the handler's start, so a call that waits for an instance to start (a cold start, here a restart) is not charged
    /// for the wait. A call handed out again, because its first instance never received it, keeps its first deadline.
    /// </summary>
    /// <returns>When the answer is due (the runtime's <c>Lambda-Runtime-Deadline-Ms</c>).</returns>
    public DateTimeOffset Take()
    {
        lock (_gate)
        {
            if (_deadline is { } deadline)
            {
                return deadline;
            }

            _deadline = time.GetUtcNow() + timeout;
            if (!_outcome.Task.IsCompleted)
            {
                _timeout = time.CreateTimer(_ => TryComplete(TimedOut()), null, timeout, Timeout.InfiniteTimeSpan);
            }

            return _deadline.Value;
        }
    }

    /// <summary>First answer wins: a late response after a timeout is dropped, as Lambda drops it.</summary>
    public bool TryComplete(InvocationOutcome outcome)
    {
        if (!_outcome.TrySetResult(outcome))
        {
            return false;
        }

        lock (_gate)
        {
            _timeout?.Dispose();
        }

        return true;
    }

    private InvocationOutcome TimedOut() => InvocationOutcome.Error(LambdaWire.ErrorDocument("Sandbox.Timedout",
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {RequestId} Task timed out after {timeout.TotalSeconds:0.00} seconds")));
}

/// <summary>How an invocation ended: the function's response, or an error document for the caller.</summary>
internal sealed record InvocationOutcome(byte[] Body, bool IsFunctionError)
{
    public static InvocationOutcome Success(byte[] body) => new(body, false);

    public static InvocationOutcome Error(byte[] errorDocument) => new(errorDocument, true);
}
