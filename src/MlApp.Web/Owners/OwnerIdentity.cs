using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Web.Owners;

/// <summary>
/// Who owns a job: the owner id claim of the signed-in principal. API clients may send a configured key
/// (<see cref="ApiKeyAuthenticationHandler"/>); anonymous visitors get a random id in a data-protected cookie the first
/// time they need one. A real sign-in (OIDC) later only has to issue the same claim; the jobs code reads nothing else
/// (see README.md next to this file).
/// </summary>
public static class OwnerIdentity
{
    public const string OwnerIdClaim = "mlapp:owner_id";
    public const string CookieName = "mlapp-owner";

    /// <summary>The default scheme: the API-key handler when the request carries a key, else the owner cookie.</summary>
    public const string SchemeName = "mlapp-owner";

    public static IServiceCollection AddOwnerIdentity(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiKeyOptions>(ApiKeyOptions.SectionName);
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyDirectory>();

        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key or owner cookie", options =>
            {
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.IsPresent(context.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme;
                // Only the cookie can remember an owner; a key is sent again with every request.
                options.ForwardSignIn = CookieAuthenticationDefaults.AuthenticationScheme;
                options.ForwardSignOut = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the visitor used https; behind the ALB that is known from X-Forwarded-Proto.
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

    /// <summary>The caller's owner id when the request carries one (API key or owner cookie), else null; never creates one.</summary>
    public static string? FindOwnerId(this HttpContext context) =>
        context.User.FindFirst(OwnerIdClaim)?.Value is { } ownerId && JobKeys.IsValidOwnerId(ownerId) ? ownerId : null;

    /// <summary>The caller's owner id, creating an anonymous owner (and its cookie) on first use.</summary>
    public static async Task<string> GetOrCreateOwnerIdAsync(this HttpContext context)
    {
        if (context.FindOwnerId() is { } existing)
        {
            return existing;
        }

        var ownerId = OwnerIds.NewAnonymous();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(OwnerIdClaim, ownerId)], CookieAuthenticationDefaults.AuthenticationScheme));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = true });
        context.User = principal;
        return ownerId;
    }
}
