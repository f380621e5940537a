using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MlApp.Aws;

/// <summary>
/// Registers a client of an AWS API we call over signed HTTP (Lambda, ECS): its options bound from a section and
/// validated at start, and one client over an HttpClient for the service's endpoint (AWS_ENDPOINT_URL_{SERVICE} honoured).
/// </summary>
internal static class SignedAwsClientRegistration
{
    public sealed record Retry(TimeSpan BaseDelay, TimeSpan MaxDelay);

    public static IHostApplicationBuilder AddSignedAwsClient<TClient, TOptions>(
        this IHostApplicationBuilder builder,
        string sectionName,
        (string ServiceId, string SigningName) service,
        Func<TOptions, TimeSpan> callTimeout,
        Retry retry,
        Func<HttpClient, IOptions<TOptions>, RetryBackoff, TimeProvider, TClient> create)
        where TClient : class
        where TOptions : class
    {
        builder.Services.AddOptions<TOptions>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<TOptions>>();
            var endpoint = AwsServiceEndpoint.Resolve(services.GetRequiredService<IConfiguration>(), service.ServiceId, service.SigningName);
            return create(
                SignedHttpClient.Create(endpoint, callTimeout(options.Value)),
                options,
                new RetryBackoff(retry.BaseDelay, retry.MaxDelay, Random.Shared),
                services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
