using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.RealtimeFunction.Runtime;

namespace MlApp.Tests.Integration.Runtime;

/// <summary>The function's runtime client and loop against <see cref="TestRuntimeApi"/>.</summary>
[Trait("Category", "Integration")]
public sealed class LambdaRuntimeLoopTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private TestRuntimeApi _api = null!;

    public async Task InitializeAsync() => _api = await TestRuntimeApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Next_reads_the_request_id_deadline_arn_trace_and_payload()
    {
        _api.Enqueue("req-1", "{\"a\":1}", TimeSpan.FromSeconds(30));

        var invocation = await LambdaRuntimeClient.For(_api.RuntimeApi).NextAsync(default);

        Assert.Equal("req-1", invocation.RequestId);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(invocation.Payload));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:test", invocation.FunctionArn);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", invocation.TraceId);
        Assert.InRange(invocation.Deadline - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task A_handler_exception_is_posted_as_an_invocation_error_and_the_loop_serves_the_next_event()
    {
        using var stop = new CancellationTokenSource();
        var loop = Loop(new DelegateHandler(payload => Encoding.UTF8.GetString(payload) == "\"boom\""
            ? throw new InvalidOperationException("The model exploded")
            : payload));
        var running = loop.RunAsync(stop.Token);

        _api.Enqueue("req-bad", "\"boom\"", TimeSpan.FromSeconds(30));
        _api.Enqueue("req-good", "\"fine\"", TimeSpan.FromSeconds(30));
        var error = await _api.Post("invocation/req-bad/error").Task.WaitAsync(Wait);
        var response = await _api.Post("invocation/req-good/response").Task.WaitAsync(Wait);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        using var document = JsonDocument.Parse(error.Body);
        Assert.Equal("The model exploded", document.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", document.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Equal("Runtime.InvalidOperationException", error.ErrorType);
        Assert.Equal("\"fine\"", response.Body);
    }

    [Fact]
    public async Task A_handler_that_outlives_the_deadline_is_cancelled_and_reported()
    {
        var loop = Loop(new DelegateHandler(async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            return [];
        }));
        _api.Enqueue("req-slow", "{}", TimeSpan.FromMilliseconds(200));

        var client = LambdaRuntimeClient.For(_api.RuntimeApi);
        await loop.HandleOneAsync(await client.NextAsync(default), default);
        var error = await _api.Post("invocation/req-slow/error").Task.WaitAsync(Wait);

        Assert.Contains("TaskCanceledException", error.Body);
    }

    [Fact]
    public async Task An_init_error_is_posted_to_init_error_with_its_type()
    {
        await LambdaRuntimeClient.For(_api.RuntimeApi).ReportInitErrorAsync(
            LambdaError.From(new FileNotFoundException("model.onnx is missing")), default);

        var error = await _api.Post("init/error").Task.WaitAsync(Wait);

        Assert.Equal("Runtime.FileNotFoundException", error.ErrorType);
        Assert.Contains("\"errorMessage\":\"model.onnx is missing\"", error.Body);
    }

    private LambdaRuntimeLoop Loop(ILambdaHandler handler) =>
        new(LambdaRuntimeClient.For(_api.RuntimeApi), handler, TimeProvider.System, NullLogger<LambdaRuntimeLoop>.Instance);

    private sealed class DelegateHandler(Func<byte[], CancellationToken, Task<byte[]>> handle) : ILambdaHandler
    {
        public DelegateHandler(Func<byte[], byte[]> handle)
            : this((payload, _) => Task.FromResult(handle(payload)))
        {
        }

        public Task<byte[]> HandleAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
            handle(invocation.Payload, cancellationToken);
    }
}
