using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MlApp.Web.Owners;

/// <summary>
/// Signs in an API client that sends <c>X-Api-Key</c> as the key's owner. The key travels in its own header rather than
/// <c>Authorization: Bearer</c>, which stays free for real tokens once a sign-in (OIDC/JWT) is added.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyDirectory keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
{
    public const string SchemeName = "mlapp-api-key";
    public const string HeaderName = "X-Api-Key";

    public static bool IsPresent(HttpRequest request) => request.Headers.ContainsKey(HeaderName);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (presented is not [{ Length: > 0 } key] || keys.FindOwner(key) is not { } ownerId)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(OwnerIdentity.OwnerIdClaim, ownerId)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>
    /// Runs for every request, before the default scheme. Most endpoints allow anonymous callers, so a failed
    /// authentication alone would quietly let a wrong key through as a fresh anonymous owner; a caller who sends a key
    /// means to be that owner, so a wrong one ends the request here with a 401.
    /// </summary>
    public async Task<bool> HandleRequestAsync()
    {
        if (!IsPresent(Request) || (await AuthenticateAsync()).Succeeded)
        {
            return false;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "The API key is not valid.",
                Detail = $"Send a configured key in the {HeaderName} header, or no {HeaderName} header to use the owner cookie.",
            },
        });
        return true;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }
}
