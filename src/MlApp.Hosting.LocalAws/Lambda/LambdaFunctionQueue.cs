using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// One function's invocations: waiting in arrival order until an instance asks for the next one, then in flight
/// until that instance answers. Instances are the function project's replicas, so when all are busy calls queue.
/// </summary>
internal sealed class LambdaFunctionQueue(LambdaFunctionSettings settings)
{
    private readonly Channel<PendingInvocation> _waiting = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new();
    private readonly ConcurrentDictionary<string, InvocationLog> _logs = new();
    private int _pollingInstances;
    private int _faultsToInject;
    private long _invocationsReceived;
    private long _invocationsDelivered;

    public LambdaFunctionSettings Settings { get; } = settings;

    /// <summary>The last <c>init/error</c> report, cleared when an instance comes up and polls again.</summary>
    public byte[]? InitError { get; set; }

    public int PollingInstances => Volatile.Read(ref _pollingInstances);

    /// <summary>Invocations accepted so far, for tests that must show a call never reached the function.</summary>
    public long InvocationsReceived => Interlocked.Read(ref _invocationsReceived);

    /// <summary>Invocations written out to an instance so far, for tests that must act once an instance holds one.</summary>
    public long InvocationsDelivered => Interlocked.Read(ref _invocationsDelivered);

    public void MarkDelivered() => Interlocked.Increment(ref _invocationsDelivered);

    public void Enqueue(PendingInvocation invocation)
    {
        Interlocked.Increment(ref _invocationsReceived);
        _waiting.Writer.TryWrite(invocation);
    }

    /// <summary>Puts back an event whose <c>next</c> response never reached its instance.</summary>
    public void ReturnUndelivered(PendingInvocation invocation)
    {
        if (_inFlight.TryRemove(invocation.RequestId, out _) && !invocation.Outcome.IsCompleted)
        {
            _waiting.Writer.TryWrite(invocation);
        }
    }

    public void InjectFaults(int count) => Interlocked.Add(ref _faultsToInject, count);

    /// <summary>Whether the invocation being handed out should carry a broken payload instead of its own.</summary>
    public bool TakeFault()
    {
        var remaining = Volatile.Read(ref _faultsToInject);
        while (remaining > 0)
        {
            var seen = Interlocked.CompareExchange(ref _faultsToInject, remaining - 1, remaining);
            if (seen == remaining)
            {
                return true;
            }

            remaining = seen;
        }

        return false;
    }

    /// <summary>The long poll behind <c>invocation/next</c>: waits as long as it takes, skipping calls whose caller gave up.</summary>
    public async Task<PendingInvocation> NextAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _pollingInstances);
        InitError = null;
        try
        {
            while (true)
            {
                var invocation = await _waiting.Reader.ReadAsync(cancellationToken);
                if (!invocation.Outcome.IsCompleted)
                {
                    _inFlight[invocation.RequestId] = invocation;
                    return invocation;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pollingInstances);
        }
    }

    public bool TryTakeInFlight(string requestId, out PendingInvocation invocation) => _inFlight.TryRemove(requestId, out invocation!);

    public void Forget(PendingInvocation invocation)
    {
        _inFlight.TryRemove(invocation.RequestId, out _);
        _logs.TryRemove(invocation.RequestId, out _);
    }

    /// <summary>Starts keeping the log of an invocation whose caller wants its tail, until it is forgotten.</summary>
    public void KeepLog(PendingInvocation invocation) => _logs[invocation.RequestId] = invocation.KeepLog(Settings.MemorySizeMb);

    /// <summary>A line the function wrote: it joins the log of each kept invocation whose request id it names.</summary>
    public void RecordLog(string line)
    {
        foreach (var log in _logs.Values)
        {
            if (line.Contains(log.RequestId, StringComparison.Ordinal))
            {
                log.Append(line);
            }
        }
    }
}
