using Microsoft.Extensions.DependencyInjection;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>Runs the Lambda emulator inside the AppHost and points function instances and callers at it.</summary>
public static class LambdaEmulatorExtensions
{
    public static IResourceBuilder<LambdaEmulatorResource> AddLambdaEmulator(this IDistributedApplicationBuilder builder, string name = "lambda")
    {
        var emulator = new LambdaEmulator();
        return builder.AddEmulator(new LambdaEmulatorResource(name, emulator), "Lambda emulator", emulator, async (_, logger, cancellationToken) =>
        {
            await emulator.StartAsync(logger, TimeProvider.System, cancellationToken);
            return emulator.Url;
        });
    }

    /// <summary>
    /// Makes the project a Lambda function, in both modes. Run mode: each replica is a warm instance that polls the
    /// emulator's Runtime API for work (the emulator is added on first use). Publish mode: CDK reads the annotation.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsLambdaFunction(this IResourceBuilder<ProjectResource> function, TimeSpan timeout)
    {
        function.WithAnnotation(new LambdaFunctionAnnotation(timeout));
        if (!function.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return function;
        }

        var lambda = function.ApplicationBuilder.GetOrAdd(builder => builder.AddLambdaEmulator());
        var name = function.Resource.Name;
        lambda.Resource.Emulator.AddFunction(new LambdaFunctionSettings(name, timeout));
        function.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            FunctionLogFeed.Start(@event.Services, function.Resource, lambda.Resource.Emulator);
            return Task.CompletedTask;
        });
        return function
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["AWS_LAMBDA_RUNTIME_API"] = lambda.Resource.Emulator.RuntimeApiFor(name);
                context.EnvironmentVariables["AWS_LAMBDA_FUNCTION_NAME"] = name;
                context.EnvironmentVariables["AWS_LAMBDA_FUNCTION_TIMEOUT"] = ((int)timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            })
            .WaitFor(lambda);
    }

    /// <summary>
    /// Lets a caller invoke the function: its name in both modes (in AWS, the right to invoke it too); in run mode also
    /// the standard endpoint variable pointing at the emulator.
    /// </summary>
    public static IResourceBuilder<T> WithFunction<T>(this IResourceBuilder<T> caller, IResourceBuilder<ProjectResource> function)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        caller.WithAnnotation(new FunctionCallerAnnotation(function.Resource))
            .WithEnvironment("Realtime__FunctionName", function.Resource.Name);
        if (!caller.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return caller;
        }

        var lambda = caller.ApplicationBuilder.GetOrAdd(builder => builder.AddLambdaEmulator());
        return caller.WithEnvironment(context => context.EnvironmentVariables["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Resource.Emulator.Url.ToString())
            .WaitFor(lambda);
    }
}
