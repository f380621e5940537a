using System.Net;

namespace MlApp.Tests.Support;

/// <summary>Answers each request with the next recorded response and keeps what was sent, for tests of wire-level clients.</summary>
public sealed class RecordedHttpHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private int _next;

    public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add((request, body));
        if (_next >= responses.Length)
        {
            throw new InvalidOperationException($"Request {_next + 1} was not expected: {request.Method} {request.RequestUri}");
        }

        var response = responses[_next++]();
        response.RequestMessage = request;
        return response;
    }
}
