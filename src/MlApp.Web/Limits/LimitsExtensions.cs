using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Web.Limits;

public static class LimitsExtensions
{
    /// <summary>The per-owner rate limiter and the global request size caps (Kestrel's body and header limits, the form reader's).</summary>
    public static WebApplicationBuilder AddMlAppLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddSingleton<OwnerRateLimiter>();

        builder.Services.AddValidatedOptions<RequestLimitOptions>(RequestLimitOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<RequestLimitOptions>, RequestLimitOptionsValidator>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.Value.MaxHeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = limits.Value.MaxHeaderCount;
        });
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitOptions>>((form, limits) =>
        {
            form.ValueCountLimit = limits.Value.MaxFormValues;
            form.ValueLengthLimit = limits.Value.MaxFormValueBytes;
            form.MultipartBodyLengthLimit = limits.Value.MaxBodyBytes;
        });
        return builder;
    }
}
