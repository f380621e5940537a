using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// One web replica: the real app (its own Program, pipeline and DI container) on a real Kestrel port, so two of them
/// share nothing but what production replicas share: the table, the bucket and the settings.
/// </summary>
/// <remarks>
/// The factory finds the app by any public class of its assembly; <c>Program</c> would be ambiguous, since the AppHost,
/// the batch job and the function each have one too.
/// </remarks>
internal sealed class WebReplica : WebApplicationFactory<MlApp.Web.Limits.OwnerRateLimiter>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private WebReplica(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Builds and starts the replica; a start that fails (bad settings, no key ring) throws here.</summary>
    public static WebReplica Start(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var replica = new WebReplica(settings, services);
        try
        {
            replica.UseKestrel(0);
            replica.StartServer();
            var address = replica.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            replica.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            return replica;
        }
        catch
        {
            replica.Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings are visible while Program builds its services, unlike app configuration added afterwards.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestEndpoints>();
            _services?.Invoke(services);
        });
    }
}
