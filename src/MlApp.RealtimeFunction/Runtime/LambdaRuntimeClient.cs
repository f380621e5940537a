using System.Globalization;
using System.Net.Http.Json;

namespace MlApp.RealtimeFunction.Runtime;

/// <summary>
/// The Lambda Runtime API (<c>http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/</c>) as a custom runtime uses it:
/// long-poll the next event, then post its response or error; report an init failure once, before exiting.
/// </summary>
public sealed class LambdaRuntimeClient(HttpClient http)
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The client for the given <c>AWS_LAMBDA_RUNTIME_API</c> (host:port, locally host:port/function).</summary>
    public static LambdaRuntimeClient For(string runtimeApi) => new(new HttpClient
    {
        BaseAddress = new Uri($"http://{runtimeApi.TrimEnd('/')}/2018-06-01/runtime/"),
        // `next` blocks until an event arrives, which may be hours: the Runtime API contract forbids a client timeout.
        Timeout = Timeout.InfiniteTimeSpan,
    });

    public async Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("invocation/next", cancellationToken);
        response.EnsureSuccessStatusCode();
        var headers = response.Headers;
        var deadlineMs = long.Parse(Header(headers, "Lambda-Runtime-Deadline-Ms") ?? throw MissingHeader("Lambda-Runtime-Deadline-Ms"), CultureInfo.InvariantCulture);
        return new LambdaInvocation(
            Header(headers, "Lambda-Runtime-Aws-Request-Id") ?? throw MissingHeader("Lambda-Runtime-Aws-Request-Id"),
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(headers, "Lambda-Runtime-Trace-Id"),
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public async Task RespondAsync(string requestId, byte[] response, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(response);
        using var answer = await http.PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken);
        EnsureAccepted(answer, requestId);
    }

    public Task ReportInvocationErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    public Task ReportInitErrorAsync(LambdaError error, CancellationToken cancellationToken) =>
        PostErrorAsync("init/error", error, cancellationToken);

    private async Task PostErrorAsync(string path, LambdaError error, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(error, LambdaRuntimeJsonContext.Default.LambdaError);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(ErrorTypeHeader, $"Runtime.{error.ErrorType}");
        using var answer = await http.SendAsync(request, cancellationToken);
        EnsureAccepted(answer, path);
    }

    /// <summary>
    /// A 4xx refuses this one answer (the invocation timed out, or the response is over the limit): Lambda has already
    /// told the caller, so the instance goes on serving. A 5xx means the Runtime API itself is broken: the instance must exit.
    /// </summary>
    private static void EnsureAccepted(HttpResponseMessage answer, string what)
    {
        if ((int)answer.StatusCode >= 500)
        {
            answer.EnsureSuccessStatusCode();
        }

        if (!answer.IsSuccessStatusCode)
        {
            throw new LambdaAnswerRefusedException(what, answer.StatusCode);
        }
    }

    private static string? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static InvalidOperationException MissingHeader(string name) =>
        new($"The Runtime API's next invocation came without the {name} header.");
}
