using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using MlApp.Aws;

namespace MlApp.Aws.Lambda;

/// <summary>
/// Calls Lambda's Invoke API (RequestResponse) over signed HTTP, retrying throttling and service errors with jittered
/// backoff, and turning every other answer into a typed exception.
/// </summary>
public sealed class LambdaInvoker(HttpClient http, IOptions<LambdaOptions> options, RetryBackoff backoff, TimeProvider time)
{
    /// <summary>Lambda's limit for a synchronous request or response payload: 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    private readonly LambdaOptions _options = options.Value;

    /// <summary>Invokes the configured function with a JSON payload and returns the function's JSON response.</summary>
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new LambdaPayloadTooLargeException(payload.Length);
        }

        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.SendAsync(CreateRequest(payload), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var failure = Classify(response, body);
            if (failure is null)
            {
                return body;
            }

            if (!IsRetryable(response.StatusCode) || attempt >= _options.MaxAttempts)
            {
                throw failure;
            }

            await Task.Delay(backoff.DelayBefore(attempt, RetryAfter(response)), time, cancellationToken);
        }
    }

    private HttpRequestMessage CreateRequest(ReadOnlyMemory<byte> payload)
    {
        var path = $"2015-03-31/functions/{Uri.EscapeDataString(_options.FunctionName)}/invocations";
        if (!string.IsNullOrEmpty(_options.Qualifier))
        {
            path += $"?Qualifier={Uri.EscapeDataString(_options.Qualifier)}";
        }

        var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Amz-Invocation-Type", "RequestResponse");
        return request;
    }

    private LambdaInvokeException? Classify(HttpResponseMessage response, byte[] body)
    {
        if (response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues("X-Amz-Function-Error", out var kinds))
        {
            var error = AwsErrorBody.Parse(body);
            return new LambdaFunctionException(kinds.First(), error.Type ?? "Unknown", error.Message ?? "(no message)");
        }

        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var serviceError = AwsErrorBody.Parse(body);
        var errorType = AwsErrorBody.TypeFromHeader(response) ?? serviceError.Type ?? response.ReasonPhrase ?? "Unknown";
        var message = serviceError.Message ?? "(no message)";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new LambdaThrottledException(RetryAfter(response)),
            HttpStatusCode.RequestEntityTooLarge => new LambdaPayloadTooLargeException(response.RequestMessage?.Content?.Headers.ContentLength ?? 0),
            HttpStatusCode.NotFound => new LambdaFunctionNotFoundException(_options.FunctionName, message),
            _ => new LambdaServiceException(response.StatusCode, errorType, message),
        };
    }

    private static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        _ => null,
    };
}
