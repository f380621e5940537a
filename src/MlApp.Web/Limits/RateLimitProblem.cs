using Microsoft.AspNetCore.Http.HttpResults;

namespace MlApp.Web.Limits;

/// <summary>What a caller over its limit is told: 429, a Retry-After header and problem details.</summary>
public static class RateLimitProblem
{
    public static string Title(LimitKind kind) => kind switch
    {
        LimitKind.Prediction => "Too many predictions.",
        _ => "Too many job submissions.",
    };

    public static string Detail(RateLimitDecision decision) =>
        $"This owner has used its allowance for now. Try again in {decision.RetryAfterSeconds} s.";

    public static ProblemHttpResult Create(HttpContext context, LimitKind kind, RateLimitDecision decision)
    {
        MlApp.Web.RetryAfter.Set(context, decision.RetryAfter);
        return TypedResults.Problem(
            title: Title(kind),
            detail: Detail(decision),
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
