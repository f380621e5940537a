using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// Endpoints the app doesn't have (yet), put in front of its pipeline. A form: GET issues an antiforgery token and
/// cookie, POST validates them, both for the owner the request authenticates as (the pages come later). A body reader,
/// for the global body cap, which the app's own endpoints hide behind caps of their own.
/// </summary>
internal sealed class TestEndpoints : IStartupFilter
{
    public const string FormPath = "/test/form";
    public const string BodyPath = "/test/body";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(FormPath, form => form.Run(HandleFormAsync));
        app.Map(BodyPath, body => body.Run(ReadBodyAsync));
        next(app);
    };

    private static async Task ReadBodyAsync(HttpContext context)
    {
        // Past the cap Kestrel throws here, and answers 413 itself.
        var length = 0L;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        await context.Response.WriteAsync(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task HandleFormAsync(HttpContext context)
    {
        // This branch runs before the app's own authentication middleware, so it authenticates the way it would.
        if ((await context.AuthenticateAsync()).Principal is { } principal)
        {
            context.User = principal;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            await context.Response.WriteAsJsonAsync(new FormToken(tokens.FormFieldName, tokens.RequestToken!));
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        catch (AntiforgeryValidationException e)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(e.Message);
        }
    }
}

internal sealed record FormToken(string FieldName, string Value);
