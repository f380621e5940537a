namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>An Invoke call waiting for an instance to take it and answer.</summary>
internal sealed class PendingInvocation(byte[] payload, DateTimeOffset deadline, string? traceId)
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public byte[] Payload { get; } = payload;

    public DateTimeOffset Deadline { get; } = deadline;

    public string? TraceId { get; } = traceId;

    /// <summary>The invocation's log, kept only when the caller asked for its tail.</summary>
    public InvocationLog? Log { get; private set; }

    public Task<InvocationOutcome> Outcome => _outcome.Task;

    public InvocationLog KeepLog(int memorySizeMb) => Log = new InvocationLog(RequestId, memorySizeMb);

    /// <summary>First answer wins: a late response after a timeout is dropped, as Lambda drops it.</summary>
    public bool TryComplete(InvocationOutcome outcome) => _outcome.TrySetResult(outcome);
}

/// <summary>How an invocation ended: the function's response, or an error document for the caller.</summary>
internal sealed record InvocationOutcome(byte[] Body, bool IsFunctionError)
{
    public static InvocationOutcome Success(byte[] body) => new(body, false);

    public static InvocationOutcome Error(byte[] errorDocument) => new(errorDocument, true);
}
