using System.Net;
using System.Text;
using System.Text.Json;

namespace MlApp.Tests.Integration.Lambda;

/// <summary>
/// The emulator against Lambda's documented wire shapes: the status, the headers and the JSON bodies that AWS sends
/// (recorded below as the expected values), for success and for every error case.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LambdaEmulatorTests(LambdaEmulatorFixture fixture) : IClassFixture<LambdaEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task An_invoke_reaches_an_instance_with_the_runtime_headers_and_returns_its_response()
    {
        var instance = new RawInstance(Http, "echo");
        var invoke = InvokeAsync("echo", "{\"inputs\":[1]}");

        var (requestId, headers, payload) = await instance.NextAsync();
        (await instance.RespondAsync(requestId, "{\"predictions\":[2]}")).EnsureSuccessStatusCode();
        using var response = await invoke;

        Assert.Equal("{\"inputs\":[1]}", Encoding.UTF8.GetString(payload));
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:echo", headers.GetValues("Lambda-Runtime-Invoked-Function-Arn").Single());
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(headers.GetValues("Lambda-Runtime-Deadline-Ms").Single()));
        Assert.InRange(deadline - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.Equal("{\"predictions\":[2]}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_function_is_a_404_resource_not_found()
    {
        using var response = await InvokeAsync("nope", "{}");

        await AssertServiceErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFoundException",
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
    }

    [Fact]
    public async Task A_payload_over_six_megabytes_is_a_413_and_never_reaches_an_instance()
    {
        var payload = "\"" + new string('x', 7 * 1024 * 1024) + "\"";

        using var response = await InvokeAsync("oversized", payload);

        await AssertServiceErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLargeException",
            "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        using var poll = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Http.GetAsync("oversized/2018-06-01/runtime/invocation/next", poll.Token));
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_a_400_invalid_request_content()
    {
        using var response = await InvokeAsync("echo", "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task A_function_error_is_a_200_with_the_function_error_header_and_the_error_document()
    {
        var instance = new RawInstance(Http, "failing");
        var invoke = InvokeAsync("failing", "{}");
        const string ErrorDocument = "{\"errorMessage\":\"boom\",\"errorType\":\"InvalidOperationException\",\"stackTrace\":[\"at X\"]}";

        var (requestId, _, _) = await instance.NextAsync();
        using var accepted = await instance.FailAsync(requestId, ErrorDocument);
        using var response = await invoke;

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal(ErrorDocument, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invocation_past_the_function_timeout_is_a_timed_out_function_error()
    {
        var instance = new RawInstance(Http, "slow");
        var invoke = InvokeAsync("slow", "{}");
        var (requestId, _, _) = await instance.NextAsync();

        using var response = await invoke;
        using var late = await instance.RespondAsync(requestId, "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Sandbox.Timedout", error.RootElement.GetProperty("errorType").GetString());
        Assert.EndsWith("Task timed out after 1.00 seconds", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task A_call_waiting_for_an_instance_is_not_charged_for_the_wait_its_timeout_starts_when_an_instance_takes_it()
    {
        var invoke = InvokeAsync("cold", "{}");

        // Twice the function's timeout with no instance: in Lambda the time a call waits for its instance to start is
        // not part of its timeout, so the call must still be waiting.
        await Task.Delay(LambdaEmulatorFixture.ShortTimeout * 2);
        Assert.False(invoke.IsCompleted, "the call timed out before any instance took it");
        var instance = new RawInstance(Http, "cold");
        var asked = DateTimeOffset.UtcNow;
        var (requestId, headers, _) = await instance.NextAsync();
        var taken = DateTimeOffset.UtcNow;
        (await instance.RespondAsync(requestId, "{\"warm\":true}")).EnsureSuccessStatusCode();
        using var response = await invoke;

        // The header has milliseconds; the clocks read here have more.
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(headers.GetValues("Lambda-Runtime-Deadline-Ms").Single()));
        Assert.InRange(deadline, asked + LambdaEmulatorFixture.ShortTimeout - TimeSpan.FromMilliseconds(1), taken + LambdaEmulatorFixture.ShortTimeout);
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("{\"warm\":true}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reported_init_error_is_what_callers_get_while_no_instance_polls()
    {
        var instance = new RawInstance(Http, "init-broken");
        const string InitError = "{\"errorMessage\":\"model.onnx is missing\",\"errorType\":\"ModelLoadException\",\"stackTrace\":[]}";
        (await instance.InitErrorAsync(InitError)).EnsureSuccessStatusCode();

        using var response = await InvokeAsync("init-broken", "{}");

        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal(InitError, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_function_is_served_only_to_its_own_instances()
    {
        using var stop = new CancellationTokenSource();
        var first = new RawInstance(Http, "first").ServeAsync(_ => "{\"from\":\"first\"}", stop.Token);
        var second = new RawInstance(Http, "second").ServeAsync(_ => "{\"from\":\"second\"}", stop.Token);

        using var toFirst = await InvokeAsync("first", "{}");
        using var toSecond = await InvokeAsync("second", "{}");
        await stop.CancelAsync();

        Assert.Equal("{\"from\":\"first\"}", await toFirst.Content.ReadAsStringAsync());
        Assert.Equal("{\"from\":\"second\"}", await toSecond.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Calls_queue_while_the_only_instance_is_busy_and_all_complete()
    {
        var invokes = Enumerable.Range(0, 5).Select(i => InvokeAsync("queued", $"{{\"n\":{i}}}")).ToList();
        using var stop = new CancellationTokenSource();
        var instance = new RawInstance(Http, "queued").ServeAsync(payload => Encoding.UTF8.GetString(payload), stop.Token);

        var responses = await Task.WhenAll(invokes);
        await stop.CancelAsync();

        var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadAsStringAsync()));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{{\"n\":{i}}}"), bodies);
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    [Fact]
    public async Task Event_invocations_are_accepted_with_202_and_dry_runs_answer_204()
    {
        using var asyncCall = await InvokeAsync("async", "{}", "Event");
        using var dryRun = await InvokeAsync("async", "{}", "DryRun");

        Assert.Equal(HttpStatusCode.Accepted, asyncCall.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, dryRun.StatusCode);
        var (_, _, payload) = await new RawInstance(Http, "async").NextAsync();
        Assert.Equal("{}", Encoding.UTF8.GetString(payload));
    }

    [Fact]
    public async Task A_response_for_an_unknown_request_id_is_a_400_invalid_request_id()
    {
        using var response = await new RawInstance(Http, "unknown-id").RespondAsync("no-such-request", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> InvokeAsync(string function, string payload, string invocationType = "RequestResponse")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"2015-03-31/functions/{function}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        return Http.SendAsync(request);
    }

    private static async Task AssertServiceErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorType, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal($"{{\"Type\":\"User\",\"message\":\"{message}\"}}", await response.Content.ReadAsStringAsync());
    }
}
