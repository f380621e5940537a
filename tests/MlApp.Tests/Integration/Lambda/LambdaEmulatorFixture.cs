using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws.Lambda;

namespace MlApp.Tests.Integration.Lambda;

/// <summary>One emulator with a few functions, shared by the emulator tests; each test uses its own function names.</summary>
public sealed class LambdaEmulatorFixture : IAsyncLifetime
{
    public static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    public LambdaEmulator Emulator { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "echo", "failing", "slow", "cold", "init-broken", "first", "second", "queued", "async", "client", "unknown-id", "oversized", "by-arn", "tail", "tail-long" })
        {
            Emulator.AddFunction(new LambdaFunctionSettings(name, name is "slow" or "cold" ? ShortTimeout : TimeSpan.FromSeconds(30)));
        }

        await Emulator.StartAsync(NullLogger.Instance, TimeProvider.System, default);
        Http = new HttpClient { BaseAddress = Emulator.Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
