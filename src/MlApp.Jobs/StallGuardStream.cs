using MlApp.ServiceDefaults.IO;

namespace MlApp.Jobs;

/// <summary>
/// A download that fails when no byte arrives for <paramref name="timeout"/>. HttpClient's timeout ends once the
/// response headers are in, so a body that stops flowing (a frozen server, a connection silently dropped on the way)
/// would otherwise keep its reader waiting forever. Only time spent waiting inside a read counts: a slow reader is fine.
/// </summary>
internal sealed class StallGuardStream(Stream inner, TimeSpan timeout, string source) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(timeout);
        try
        {
            return await inner.ReadAsync(buffer, stall.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{source} stopped arriving: no data for {timeout.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Synchronous reads cannot be cancelled, so they go unguarded; the worker reads asynchronously.</summary>
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
