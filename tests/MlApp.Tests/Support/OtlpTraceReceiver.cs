using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlApp.Hosting.LocalAws;

namespace MlApp.Tests.Support;

/// <summary>
/// An OTLP/HTTP trace endpoint (<c>POST /v1/traces</c>, protobuf) on 127.0.0.1 that keeps every span it is sent, so a
/// test can assert the spans the running processes really exported.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private WebApplication _app = null!;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<ExportedSpan> Spans => _spans;

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var receiver = new OtlpTraceReceiver();
        (receiver._app, receiver.Url) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in OtlpSpanReader.Read(body.ToArray()))
            {
                receiver._spans.Enqueue(span);
            }

            // An empty ExportTraceServiceResponse.
            return Results.Bytes([], "application/x-protobuf");
        }));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ExportedSpan(string TraceId, string SpanId, string ParentSpanId, string Name);
