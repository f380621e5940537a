namespace MlApp.Web.Security;

/// <summary>
/// The headers every response carries, error pages included: they are set when the response starts, after the
/// exception handler or the status-code pages have written it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Scalar's API reference, which needs inline scripts and styles the rest of the site does without.</summary>
    public const string ApiDocsPath = "/scalar";

    /// <summary><c>ScalarOptions.NonceHttpContextItemKey</c>: where Scalar's <c>WithNonce()</c> leaves the nonce of its inline script.</summary>
    public const string ScalarNonceItemKey = "Scalar.Nonce";

    private const string Common = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Only the site itself: no inline script or style (use files, <c>&lt;progress&gt;</c> rather than style attributes).</summary>
    public const string SiteContentSecurityPolicy = Common;

    private const string DocsContentSecurityPolicy = Common + "; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath) ? DocsPolicy(context) : SiteContentSecurityPolicy;
        if (context.Request.IsHttps)
        {
            // Only over https (behind the ALB: X-Forwarded-Proto), where a browser honours it anyway.
            headers.StrictTransportSecurity = "max-age=31536000";
        }
    }

    /// <summary>
    /// Browsers that know nonces ignore 'unsafe-inline' once a nonce is listed, so with Scalar's <c>WithNonce()</c> only
    /// its own script runs; without it, inline scripts are allowed on the docs path only.
    /// </summary>
    private static string DocsPolicy(HttpContext context) =>
        context.Items[ScalarNonceItemKey] is string { Length: > 0 } nonce
            ? $"{DocsContentSecurityPolicy}; script-src 'self' 'unsafe-inline' 'nonce-{nonce}'"
            : $"{DocsContentSecurityPolicy}; script-src 'self' 'unsafe-inline'";
}
