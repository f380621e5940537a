using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlApp.Aws;
using MlApp.Aws.Lambda;
using MlApp.Tests.Support;
using static MlApp.Tests.Support.RecordedHttpHandler;

namespace MlApp.Tests.Unit.Lambda;

/// <summary>The invoker against responses shaped as Lambda's Invoke API documents them.</summary>
[Trait("Category", "Unit")]
public sealed class LambdaInvokerTests
{
    private static readonly byte[] Payload = "{\"inputs\":[{}]}"u8.ToArray();

    [Fact]
    public async Task A_successful_invoke_posts_the_payload_to_the_function_and_returns_its_response()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, "{\"predictions\":[]}"));

        var response = await CreateInvoker(handler, qualifier: "live").InvokeAsync(Payload, default);

        Assert.Equal("{\"predictions\":[]}", Encoding.UTF8.GetString(response));
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://lambda.test/2015-03-31/functions/realtime-function/invocations?Qualifier=live", request.RequestUri!.ToString());
        Assert.Equal("RequestResponse", request.Headers.GetValues("X-Amz-Invocation-Type").Single());
        Assert.Equal(Payload, body);
    }

    [Fact]
    public async Task A_function_error_is_raised_with_its_type_and_message_and_not_retried()
    {
        var handler = new RecordedHttpHandler(() => Json(
            HttpStatusCode.OK,
            "{\"errorMessage\":\"Model exploded\",\"errorType\":\"InvalidOperationException\",\"stackTrace\":[]}",
            ("X-Amz-Function-Error", "Unhandled")));

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => CreateInvoker(handler).InvokeAsync(Payload, default));

        Assert.Equal("Unhandled", error.ErrorKind);
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("Model exploded", error.ErrorMessage);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_later_success_returned()
    {
        var handler = new RecordedHttpHandler(
            () => Json(HttpStatusCode.TooManyRequests, "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", ("x-amzn-ErrorType", "TooManyRequestsException")),
            () => Json(HttpStatusCode.OK, "{\"ok\":true}"));

        var response = await CreateInvoker(handler).InvokeAsync(Payload, default);

        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(response));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Throttling_on_every_try_gives_up_after_the_attempt_bound_with_the_servers_retry_after()
    {
        var throttled = () => Json(HttpStatusCode.TooManyRequests, "{\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}", ("x-amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "3"));
        var handler = new RecordedHttpHandler(throttled, throttled, throttled);

        var error = await Assert.ThrowsAsync<LambdaThrottledException>(() => CreateInvoker(handler).InvokeAsync(Payload, default));

        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_service_error_on_every_try_is_raised_with_its_type()
    {
        var failing = () => Json(HttpStatusCode.InternalServerError, "{\"message\":\"Internal failure\"}", ("x-amzn-ErrorType", "ServiceException:http://internal.amazon.com/coral/com.amazonaws.awslambda/"));
        var handler = new RecordedHttpHandler(failing, failing, failing);

        var error = await Assert.ThrowsAsync<LambdaServiceException>(() => CreateInvoker(handler).InvokeAsync(Payload, default));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal("ServiceException", error.ErrorType);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_function_is_raised_as_not_found_at_once()
    {
        var handler = new RecordedHttpHandler(() => Json(
            HttpStatusCode.NotFound,
            "{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:us-east-1:123456789012:function:realtime-function\"}",
            ("x-amzn-ErrorType", "ResourceNotFoundException")));

        var error = await Assert.ThrowsAsync<LambdaFunctionNotFoundException>(() => CreateInvoker(handler).InvokeAsync(Payload, default));

        Assert.Contains("Function not found", error.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_request_the_service_finds_too_large_is_raised_as_too_large_at_once()
    {
        var handler = new RecordedHttpHandler(() => Json(
            HttpStatusCode.RequestEntityTooLarge,
            "{\"Type\":\"User\",\"message\":\"Request must be smaller than 6291456 bytes for the InvokeFunction operation\"}",
            ("x-amzn-ErrorType", "RequestEntityTooLargeException")));

        await Assert.ThrowsAsync<LambdaPayloadTooLargeException>(() => CreateInvoker(handler).InvokeAsync(Payload, default));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_payload_over_six_megabytes_is_refused_before_any_call()
    {
        var handler = new RecordedHttpHandler();

        var error = await Assert.ThrowsAsync<LambdaPayloadTooLargeException>(() =>
            CreateInvoker(handler).InvokeAsync(new byte[LambdaInvoker.MaxPayloadBytes + 1], default));

        Assert.Equal(LambdaInvoker.MaxPayloadBytes + 1, error.PayloadBytes);
        Assert.Empty(handler.Requests);
    }

    private static LambdaInvoker CreateInvoker(RecordedHttpHandler handler, string? qualifier = null) => new(
        new HttpClient(handler) { BaseAddress = new Uri("http://lambda.test/") },
        Options.Create(new LambdaOptions { FunctionName = "realtime-function", Qualifier = qualifier, MaxAttempts = 3 }),
        new RetryBackoff(TimeSpan.Zero, TimeSpan.Zero, new Random(1)),
        new FakeTimeProvider());
}
