using System.Net.Http.Headers;

namespace MlApp.Tests.Integration.Lambda;

/// <summary>A function instance spoken in raw HTTP, so the emulator's Runtime API is checked without our runtime client.</summary>
internal sealed class RawInstance(HttpClient http, string function)
{
    public async Task<(string RequestId, HttpResponseHeaders Headers, byte[] Payload)> NextAsync()
    {
        using var response = await http.GetAsync($"{function}/2018-06-01/runtime/invocation/next");
        response.EnsureSuccessStatusCode();
        return (response.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single(), response.Headers, await response.Content.ReadAsByteArrayAsync());
    }

    public Task<HttpResponseMessage> RespondAsync(string requestId, string json) =>
        http.PostAsync($"{function}/2018-06-01/runtime/invocation/{requestId}/response", new StringContent(json));

    public Task<HttpResponseMessage> FailAsync(string requestId, string errorJson) =>
        http.PostAsync($"{function}/2018-06-01/runtime/invocation/{requestId}/error", new StringContent(errorJson));

    public Task<HttpResponseMessage> InitErrorAsync(string errorJson) =>
        http.PostAsync($"{function}/2018-06-01/runtime/init/error", new StringContent(errorJson));

    /// <summary>Serves invocations until cancelled, answering each with what <paramref name="answer"/> makes of its payload.</summary>
    public async Task ServeAsync(Func<byte[], string> answer, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var response = await http.GetAsync($"{function}/2018-06-01/runtime/invocation/next", cancellationToken);
            var requestId = response.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
            var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            (await RespondAsync(requestId, answer(payload))).EnsureSuccessStatusCode();
        }
    }
}
