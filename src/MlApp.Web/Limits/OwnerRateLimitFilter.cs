namespace MlApp.Web.Limits;

/// <summary>Puts an endpoint under the owner's rate limit: <c>api.MapPost(...).RequireOwnerRateLimit(LimitKind.Prediction)</c>.</summary>
public static class OwnerRateLimitFilter
{
    public static TBuilder RequireOwnerRateLimit<TBuilder>(this TBuilder builder, LimitKind kind)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var decision = context.RequestServices.GetRequiredService<OwnerRateLimiter>().TryAcquire(context, kind);
            return decision.IsAllowed ? await next(invocation) : RateLimitProblem.Create(context, kind, decision);
        });
}
