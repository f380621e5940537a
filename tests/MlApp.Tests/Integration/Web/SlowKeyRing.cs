using Amazon.Runtime;
using Amazon.S3;
using MlApp.Web.Security.KeyRing;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// A real S3 client to the stand-in whose key-ring traffic a test can hold back, as from a replica that stalled
/// (GC, a slow network) between two steps: its first read of the ring can wait for a signal, its key writes can land late.
/// </summary>
internal sealed class SlowKeyRing : HttpClientFactory
{
    private readonly TaskCompletionSource _firstReadHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _keyWriteHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    /// <summary>The first read of the ring is sent only once this completes.</summary>
    public Task FirstReadWaitsFor { get; init; } = Task.CompletedTask;

    /// <summary>How long each key write is held back before it is sent.</summary>
    public TimeSpan KeyWriteDelay { get; init; }

    /// <summary>Completes when the first read of the ring is being held.</summary>
    public Task FirstReadHeld => _firstReadHeld.Task;

    /// <summary>Completes when the first key write is being held.</summary>
    public Task KeyWriteHeld => _keyWriteHeld.Task;

    public IAmazonS3 CreateClient() => new AmazonS3Client(new AmazonS3Config
    {
        ServiceURL = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3"),
        ForcePathStyle = true,
        HttpClientFactory = this,
    });

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Holding(this) { InnerHandler = new SocketsHttpHandler() });

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    private sealed class Holding(SlowKeyRing ring) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (request.Method == HttpMethod.Get && uri.Query.Contains("list-type=2", StringComparison.Ordinal) && Interlocked.Increment(ref ring._reads) == 1)
            {
                ring._firstReadHeld.TrySetResult();
                await ring.FirstReadWaitsFor.WaitAsync(cancellationToken);
            }
            else if (request.Method == HttpMethod.Put && uri.AbsolutePath.Contains("/" + S3XmlRepository.Prefix, StringComparison.Ordinal))
            {
                ring._keyWriteHeld.TrySetResult();
                await Task.Delay(ring.KeyWriteDelay, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
