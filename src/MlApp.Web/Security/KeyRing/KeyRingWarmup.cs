using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MlApp.Web.Security.KeyRing;

/// <summary>
/// Reads (or, on an empty ring, creates) the key ring before the server takes requests, so the first visitor doesn't
/// wait for S3, a racing replica's key is settled before any cookie is issued, and a ring that can't be read stops the
/// start with an error that says where it looked. S3 that is briefly unreachable is retried until the start-up timeout.
/// </summary>
public sealed partial class KeyRingWarmup(
    IDataProtectionProvider protection, S3XmlRepository repository, IOptions<KeyRingOptions> options, TimeProvider time, ILogger<KeyRingWarmup> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Before any hosted service starts, the web server included.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.StartupTimeout;
        var started = time.GetTimestamp();
        var delay = FirstRetryDelay;
        // The first protect loads the ring through the repository, creating a key when there is none.
        var protector = protection.CreateProtector("MlApp.KeyRing.Warmup");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                protector.Protect([1]);
                LogLoaded(repository.Location, time.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (time.GetElapsedTime(started) + delay > timeout)
                {
                    throw new InvalidOperationException(
                        $"The data-protection key ring could not be read from {repository.Location} within {timeout} ({attempt} tries): {e.Message} "
                        + "Every web replica keeps the keys of its cookies and form tokens there: check that the bucket exists, that this "
                        + "task's role may list, get and put objects under that prefix, and AWS_ENDPOINT_URL_S3 where it is set.", e);
                }

                LogRetrying(repository.Location, attempt, delay, e.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-protection key ring ready from {Location} in {ElapsedMs:0} ms")]
    private partial void LogLoaded(string location, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-protection key ring at {Location} not readable (try {Attempt}); retrying in {Delay}: {Reason}")]
    private partial void LogRetrying(string location, int attempt, TimeSpan delay, string reason);
}
