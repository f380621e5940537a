using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Trace;

namespace MlApp.RealtimeFunction.Runtime;

public static class LambdaHostExtensions
{
    /// <summary>Registers the Runtime API client for <c>AWS_LAMBDA_RUNTIME_API</c> and the loop around the given handler.</summary>
    // The handler is built by DI, so native AOT must keep its constructors.
    public static IHostApplicationBuilder AddLambdaRuntime<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IHostApplicationBuilder builder)
        where THandler : class, ILambdaHandler
    {
        var runtimeApi = builder.Configuration["AWS_LAMBDA_RUNTIME_API"]
            ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set: this process runs inside Lambda or under the AppHost's Lambda emulator.");
        builder.Services.AddSingleton(LambdaRuntimeClient.For(runtimeApi));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILambdaHandler, THandler>();
        builder.Services.AddSingleton<TelemetryFlusher>();
        builder.Services.AddSingleton<LambdaRuntimeLoop>();
        return builder;
    }

    /// <summary>
    /// Starts the host (which loads the model) and serves invocations until stopped. A start that fails, such as a bad
    /// model, is reported through <c>init/error</c> before the process exits, as Lambda expects of a custom runtime.
    /// </summary>
    public static async Task<int> RunLambdaRuntimeAsync(this IHost host)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.StartAsync(lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            await host.Services.GetRequiredService<LambdaRuntimeClient>().ReportInitErrorAsync(LambdaError.From(e), CancellationToken.None);
            host.Services.GetRequiredService<ILogger<LambdaRuntimeLoop>>().LogCritical(e, "The function failed to start; reported through init/error");
            return 1;
        }

        try
        {
            await host.Services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped (waiting for an event or between two): the normal end of an instance.
        }

        await host.StopAsync();
        return 0;
    }
}
