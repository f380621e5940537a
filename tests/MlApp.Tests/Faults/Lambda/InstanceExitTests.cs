using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws.Lambda;
using MlApp.Tests.Integration.Lambda;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.Lambda;

/// <summary>
/// A function instance that dies holding an invocation, against the Lambda emulator: the caller hears
/// <c>Runtime.ExitError</c> at once, as in AWS, not a timeout 30 s later; the next call goes to a live instance. An
/// instance's death is its connection closing, which is what the kernel does to a killed process's sockets.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InstanceExitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Function = "crashing";

    /// <summary>Until the fix, the caller heard only this long after, and that the task had timed out.</summary>
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(30);

    private readonly LambdaEmulator _emulator = new();
    private HttpClient _caller = null!;

    public async Task InitializeAsync()
    {
        _emulator.AddFunction(new LambdaFunctionSettings(Function, FunctionTimeout));
        await _emulator.StartAsync(NullLogger.Instance, TimeProvider.System, default);
        _caller = new HttpClient { BaseAddress = _emulator.Url, Timeout = FunctionTimeout * 2 };
    }

    public async Task DisposeAsync()
    {
        _caller.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task An_instance_that_dies_mid_invoke_ends_the_call_with_a_runtime_exit_error_and_a_live_instance_serves_the_next()
    {
        var invoke = _caller.PostAsync($"2015-03-31/functions/{Function}/invocations", new StringContent("{\"input\":1}"));
        var doomed = new HttpClient { BaseAddress = _emulator.Url };
        var (requestId, _, _) = await new RawInstance(doomed, Function).NextAsync();
        var died = Stopwatch.StartNew();
        doomed.Dispose();

        using var response = await invoke;
        output.WriteLine($"the caller heard {died.Elapsed.TotalMilliseconds:F0} ms after the instance died");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Runtime.ExitError", error.GetProperty("errorType").GetString());
        Assert.Contains(requestId, error.GetProperty("errorMessage").GetString());

        using var alive = new HttpClient { BaseAddress = _emulator.Url };
        using var serving = new CancellationTokenSource(FunctionTimeout);
        var instance = new RawInstance(alive, Function).ServeAsync(_ => "{\"ok\":true}", serving.Token);
        using var next = await _caller.PostAsync($"2015-03-31/functions/{Function}/invocations", new StringContent("{\"input\":2}"));
        Assert.False(next.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(await next.Content.ReadAsByteArrayAsync()));
        await serving.CancelAsync();
        try
        {
            await instance;
        }
        catch (OperationCanceledException)
        {
            // Stopped while it waited for the next event: the usual end of an instance.
        }
    }
}
