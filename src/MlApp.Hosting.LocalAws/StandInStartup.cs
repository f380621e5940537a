namespace MlApp.Hosting.LocalAws;

/// <summary>Bridges the moment between a stand-in process starting and it listening.</summary>
/// <remarks>
/// Aspire runs a resource's first health check as soon as the process starts, before it listens, and the next one
/// about a second later. Retrying refused connections briefly within one check makes the stand-in healthy, and its
/// dependents start, within ~100 ms of it listening instead.
/// </remarks>
internal static class StandInStartup
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task WhenListeningAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception e) when (IsConnectionFailure(e) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(Pause, cancellationToken);
            }
        }
    }

    private static bool IsConnectionFailure(Exception? e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
        || (e?.InnerException is { } inner && IsConnectionFailure(inner));
}
