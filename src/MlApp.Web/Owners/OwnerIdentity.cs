using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MlApp.Jobs;

namespace MlApp.Web.Owners;

/// <summary>
/// Who owns a job: the owner id claim of the signed-in principal. Anonymous visitors get a random id in a data-protected
/// cookie the first time they need one. A real sign-in (OIDC) later only has to issue the same claim; the jobs code
/// reads nothing else.
/// </summary>
public static class OwnerIdentity
{
    public const string OwnerIdClaim = "mlapp:owner_id";
    public const string CookieName = "mlapp-owner";

    public static IServiceCollection AddOwnerIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(365);
                options.SlidingExpiration = true;
                // An API caller without the cookie gets a 401 problem, never a redirect to a login page that doesn't exist.
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>The caller's owner id, creating an anonymous owner (and its cookie) on first use.</summary>
    public static async Task<string> GetOrCreateOwnerIdAsync(this HttpContext context)
    {
        if (context.User.FindFirst(OwnerIdClaim)?.Value is { } existing && JobKeys.IsValidOwnerId(existing))
        {
            return existing;
        }

        var ownerId = Guid.NewGuid().ToString("N");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(OwnerIdClaim, ownerId)], CookieAuthenticationDefaults.AuthenticationScheme));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
        context.User = principal;
        return ownerId;
    }
}
