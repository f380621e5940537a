using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MlApp.Web.Security.KeyRing;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Web.Security;

public static class SecurityExtensions
{
    public const string AntiforgeryCookieName = "mlapp-antiforgery";

    /// <summary>The shared key ring, trusted proxies, antiforgery settings; what every replica needs to trust the others.</summary>
    public static WebApplicationBuilder AddMlAppSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddS3KeyRing();

        builder.Services.AddValidatedOptions<ProxyOptions>(ProxyOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The ALB appends the address it saw to X-Forwarded-For; whatever stands left of it came from the client
            // and may be forged, so only the last entry is taken, and only from a trusted peer.
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxy.Value.EffectiveNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends X-Frame-Options: DENY on every response already.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        // The exception handler answers with problem details and never the exception's text, in every environment. A
        // bad request found while reading (a malformed query in Development, a body over Kestrel's cap) keeps its 4xx
        // rather than becoming a 500.
        builder.Services.Configure<ExceptionHandlerOptions>(handler =>
            handler.StatusCodeSelector = exception => exception is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);

        // No product name and version for scanners to match against.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>First in the pipeline: the client's real address and scheme, then the security headers on every response.</summary>
    public static WebApplication UseMlAppSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        return app;
    }
}
