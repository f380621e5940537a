using Microsoft.Extensions.Hosting;
using MlApp.Aws;

namespace MlApp.Aws.Lambda;

public static class LambdaServiceCollectionExtensions
{
    // A throttled prediction should come back fast or not at all: a person is waiting for it.
    private static readonly SignedAwsClientRegistration.Retry Retry = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));

    /// <summary>Registers the realtime function's invoker and <see cref="LambdaOptions"/>; its endpoint honours AWS_ENDPOINT_URL_LAMBDA.</summary>
    public static IHostApplicationBuilder AddLambdaInvoker(this IHostApplicationBuilder builder) =>
        builder.AddSignedAwsClient<LambdaInvoker, LambdaOptions>(
            LambdaOptions.SectionName, ("LAMBDA", "lambda"), options => options.Timeout, Retry,
            (http, options, backoff, time) => new LambdaInvoker(http, options, backoff, time));
}
