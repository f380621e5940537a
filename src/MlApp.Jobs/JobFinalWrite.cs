using System.Net;
using System.Runtime.ExceptionServices;
using Amazon.Runtime;

namespace MlApp.Jobs;

/// <summary>
/// Retries the last write about a job (complete, fail, release) until it lands or the caller's budget runs out. The
/// SDK stops retrying a DynamoDB that does not answer after a few attempts; a finished job whose completion was
/// dropped that early would be recorded as a failed attempt and run again in full, so the last word keeps trying for
/// as long as the worker can wait. A lost lease is final at once.
/// </summary>
internal static class JobFinalWrite
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public static async Task<T> PersistAsync<T>(Func<CancellationToken, Task<T>> write, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var delay = FirstDelay; ; delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay)
        {
            Exception failure;
            try
            {
                return await write(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsWorthRetrying(e))
            {
                failure = e;
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Out of time: the caller hears what went wrong, not that its budget ended.
                ExceptionDispatchInfo.Throw(failure);
            }
        }
    }

    private static bool IsWorthRetrying(Exception error) => error switch
    {
        JobLeaseLostException => false,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        AmazonServiceException service => service.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded",
        _ => error is TimeoutException or HttpRequestException or IOException or OperationCanceledException or AmazonClientException,
    };
}
