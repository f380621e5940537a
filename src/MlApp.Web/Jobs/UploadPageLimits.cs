using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MlApp.Web.Jobs;

/// <summary>
/// The jobs page's upload form may carry a file up to the upload cap, far above the small cap every other request has.
/// The form is read (for antiforgery, then by the page) before the page's code runs, so the larger limits are set
/// here, for that one form post only, the way <c>[RequestFormLimits]</c> does for MVC.
/// </summary>
public static class UploadPageLimits
{
    public const string PagePath = "/jobs";

    /// <summary>Room for the multipart framing and the form's small fields around the file.</summary>
    private const long FramingAllowance = 64 * 1024;

    public static WebApplication UseUploadPageLimits(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(PagePath, StringComparison.OrdinalIgnoreCase)
                && context.Request.HasFormContentType)
            {
                var cap = context.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes + FramingAllowance;
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                {
                    bodySize.MaxRequestBodySize = cap;
                }

                var global = context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
                context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = cap,
                    BufferBodyLengthLimit = cap,
                    ValueCountLimit = global.ValueCountLimit,
                    ValueLengthLimit = global.ValueLengthLimit,
                    KeyLengthLimit = global.KeyLengthLimit,
                    MultipartHeadersLengthLimit = global.MultipartHeadersLengthLimit,
                    MemoryBufferThreshold = global.MemoryBufferThreshold,
                }));
            }

            return next(context);
        });
        return app;
    }
}
