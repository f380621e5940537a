using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlApp.Model.Hosting;

namespace MlApp.Tests.Unit.Model;

/// <summary>A host that loads the model the way the apps do (<see cref="ModelHostingExtensions.AddModel"/>), from settings alone.</summary>
internal static class ModelHost
{
    public static HostApplicationBuilder Builder(Dictionary<string, string?> settings, IAmazonS3? s3 = null)
    {
        // No defaults: the machine's environment (a Model__Path set in a shell) must not change what the test loads.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        if (s3 is not null)
        {
            builder.Services.AddSingleton(s3);
        }

        return builder;
    }

    /// <param name="configure">Runs before the model is added, e.g. to record the host's logs.</param>
    public static async Task<IHost> StartAsync(
        Dictionary<string, string?> settings, IAmazonS3? s3 = null, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Builder(settings, s3);
        configure?.Invoke(builder);
        builder.AddModel();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
