using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace MlApp.Jobs;

/// <summary>Inputs and results in S3: streamed in and out, never held whole in memory, and shared only through short-lived links.</summary>
public sealed class JobFiles(IAmazonS3 s3, IOptions<JobsOptions> options, TimeProvider time)
{
    /// <summary>The longest a download link lives: long enough to start a download, short enough that a leaked link soon dies.</summary>
    public static readonly TimeSpan MaxLinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The SDK turns the end time into whole seconds from its own clock, which it corrects by the server's Date header
    /// (second-truncated); asking for a little less keeps the signed lifetime within the promise.
    /// </summary>
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromSeconds(2);

    private readonly string _bucket = options.Value.BucketName;
    private readonly TimeSpan _timeout = options.Value.S3Timeout;

    /// <summary>Streams <paramref name="content"/> to <paramref name="key"/> and returns the number of bytes stored.</summary>
    public async Task<long> UploadAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            return await new S3StreamingUpload(s3, _bucket, key, contentType).RunAsync(content, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw NotAnswering("storing", key, e);
        }
    }

    /// <summary>Streams the object; a read that waits longer than <see cref="JobsOptions.S3Timeout"/> for a byte throws <see cref="TimeoutException"/>.</summary>
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(_bucket, key, cancellationToken);
            return new StallGuardStream(response.ResponseStream, _timeout, $"S3 object '{key}'");
        }
        catch (TimeoutException e)
        {
            throw NotAnswering("opening", key, e);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        s3.DeleteObjectAsync(_bucket, key, cancellationToken);

    /// <summary>A presigned GET that saves the file as <paramref name="downloadFileName"/>; at most <see cref="MaxLinkLifetime"/>.</summary>
    public async Task<Uri> CreateDownloadLinkAsync(string key, string downloadFileName, TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLinkLifetime);

        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = (time.GetUtcNow() + lifetime - ClockAllowance).UtcDateTime,
            Protocol = EndpointProtocol(),
        };
        request.ResponseHeaderOverrides.ContentDisposition = $"attachment; filename=\"{downloadFileName}\"";
        return new Uri(await s3.GetPreSignedURLAsync(request));
    }

    /// <summary>The SDK's own timeout says only "The operation was canceled": a job's owner and the logs need what and where.</summary>
    private TimeoutException NotAnswering(string doing, string key, TimeoutException error) =>
        new($"S3 did not answer within {_timeout.TotalSeconds:0.#} s while {doing} '{key}'.", error);

    /// <summary>
    /// The presigner defaults to https whatever the client talks to, so the link follows the configured endpoint's
    /// scheme instead: https in AWS, and whatever AWS_ENDPOINT_URL_S3 names where it is set.
    /// </summary>
    private Protocol EndpointProtocol() =>
        Uri.TryCreate(s3.Config.ServiceURL, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttp
            ? Protocol.HTTP
            : Protocol.HTTPS;
}
