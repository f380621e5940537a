using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MlApp.Jobs.Lambda;

namespace MlApp.Web.Predictions;

/// <summary>What a caller is told when the function gives no prediction: a status that says whose problem it is, and problem details.</summary>
public static class LambdaProblems
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static ProblemHttpResult From(Exception exception, HttpContext context) => exception switch
    {
        LambdaFunctionException error => TypedResults.Problem(
            title: "The model failed to answer.",
            detail: $"The prediction function reported {error.ErrorType}: {error.ErrorMessage}",
            statusCode: StatusCodes.Status502BadGateway),
        LambdaThrottledException error => WithRetryAfter(context, error.RetryAfter, TypedResults.Problem(
            title: "Too many predictions at once.",
            detail: "The prediction function is at its concurrency limit. Try again shortly.",
            statusCode: StatusCodes.Status429TooManyRequests)),
        LambdaPayloadTooLargeException error => TypedResults.Problem(
            title: "The request is too large.",
            detail: error.Message,
            statusCode: StatusCodes.Status413PayloadTooLarge),
        LambdaFunctionNotFoundException error => TypedResults.Problem(
            title: "The prediction function is not deployed.",
            detail: error.Message,
            statusCode: StatusCodes.Status502BadGateway),
        _ => WithRetryAfter(context, null, TypedResults.Problem(
            title: "The prediction service is unavailable.",
            detail: "The prediction function could not be reached. Try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable)),
    };

    public static bool IsInvokeFailure(Exception exception) =>
        exception is LambdaInvokeException or HttpRequestException or TaskCanceledException;

    private static ProblemHttpResult WithRetryAfter(HttpContext context, TimeSpan? retryAfter, ProblemHttpResult problem)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? DefaultRetryAfter).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return problem;
    }
}
