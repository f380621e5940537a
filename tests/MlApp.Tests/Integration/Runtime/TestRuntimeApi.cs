using System.Collections.Concurrent;
using System.Threading.Channels;
using MlApp.Hosting.LocalAws;
using MlApp.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlApp.Tests.Integration.Runtime;

/// <summary>
/// A Runtime API written from AWS's documentation for these tests alone, independent of the AppHost's emulator,
/// so that the runtime client and the emulator can't share a misreading of the protocol.
/// </summary>
public sealed class TestRuntimeApi : IAsyncDisposable
{
    private readonly Channel<(string RequestId, long DeadlineMs, string Payload)> _events = Channel.CreateUnbounded<(string, long, string)>();
    private WebApplication _app = null!;

    public string RuntimeApi { get; private set; } = "";

    /// <summary>What the runtime posted, by path (<c>{id}/response</c>, <c>{id}/error</c>, <c>init/error</c>), with the error-type header.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource<(string Body, string? ErrorType)>> Posts { get; } = new();

    public static async Task<TestRuntimeApi> StartAsync()
    {
        var api = new TestRuntimeApi();
        var (app, address) = await LoopbackServer.StartAsync(routes =>
        {
            routes.MapGet("/2018-06-01/runtime/invocation/next", async (HttpContext context) =>
            {
                var next = await api._events.Reader.ReadAsync(context.RequestAborted);
                context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
                context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString();
                context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:test";
                context.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
                await context.Response.WriteAsync(next.Payload);
            });
            routes.MapPost("/2018-06-01/runtime/{**path}", async (HttpContext context, string path) =>
            {
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                api.Post(path).TrySetResult((body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault()));
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            });
        });
        api._app = app;
        api.RuntimeApi = address.Authority;
        return api;
    }

    public void Enqueue(string requestId, string payload, TimeSpan timeLeft) =>
        _events.Writer.TryWrite((requestId, DateTimeOffset.UtcNow.Add(timeLeft).ToUnixTimeMilliseconds(), payload));

    public TaskCompletionSource<(string Body, string? ErrorType)> Post(string path) =>
        Posts.GetOrAdd(path, _ => new TaskCompletionSource<(string, string?)>(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
