using Microsoft.AspNetCore.Diagnostics;

namespace MlApp.Web.Http;

/// <summary>
/// The one place where a request that could not be read becomes its 4xx: <see cref="BadHttpRequestException"/> from
/// Kestrel (a body shorter than its Content-Length, one over the size cap) or from <see cref="ClientBodyStream"/>
/// (broken multipart framing), answered with its own status and problem details instead of a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
        });
    }
}
