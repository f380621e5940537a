using System.Net;

namespace MlApp.Web;

/// <summary>An empty error answer becomes problem details for API callers and a short explanation page for people.</summary>
public static class StatusCodePages
{
    public static WebApplication UseStatusCodePagesForBrowsersAndApis(this WebApplication app)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api") && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(Page(http.Response.StatusCode));
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
        });
        return app;
    }

    private static string Page(int status)
    {
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => ("Nothing here", "The page does not exist, or it belongs to someone else."),
            StatusCodes.Status400BadRequest => ("The request was refused", "A form may have expired. Reload the page and try again."),
            StatusCodes.Status413PayloadTooLarge => ("The upload is too large", "The file is over the size this deployment accepts. Split it into smaller files."),
            StatusCodes.Status429TooManyRequests => ("Slow down a little", "Too many requests came from you in a short time. Wait a moment and try again."),
            >= 500 => ("Something went wrong on our side", "The error was logged. Try again in a moment."),
            _ => ($"Error {status}", "The request could not be completed."),
        };
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · MlApp</title><link rel="stylesheet" href="/css/app.css"></head>
            <body><main id="main" class="wrap"><section class="panel"><h1>{WebUtility.HtmlEncode(title)}</h1>
            <p>{WebUtility.HtmlEncode(text)} <a href="/">Back to predictions</a>.</p></section></main></body></html>
            """;
    }
}
