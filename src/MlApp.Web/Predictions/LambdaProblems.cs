using Microsoft.AspNetCore.Http.HttpResults;
using MlApp.Aws.Lambda;

namespace MlApp.Web.Predictions;

/// <summary>What a caller is told when the function gives no prediction: a status that says whose problem it is, and problem details.</summary>
public static class LambdaProblems
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static PredictionProblem Describe(Exception exception) => exception switch
    {
        LambdaFunctionException error => new(
            StatusCodes.Status502BadGateway,
            "The model failed to answer.",
            $"The prediction function reported {error.ErrorType}: {error.ErrorMessage}"),
        LambdaThrottledException error => new(
            StatusCodes.Status429TooManyRequests,
            "Too many predictions at once.",
            "The prediction function is at its concurrency limit. Try again shortly.",
            error.RetryAfter ?? DefaultRetryAfter),
        LambdaPayloadTooLargeException error => new(
            StatusCodes.Status413PayloadTooLarge,
            "The request is too large.",
            error.Message),
        LambdaFunctionNotFoundException error => new(
            StatusCodes.Status502BadGateway,
            "The prediction function is not deployed.",
            error.Message),
        _ => new(
            StatusCodes.Status503ServiceUnavailable,
            "The prediction service is unavailable.",
            "The prediction function could not be reached. Try again shortly.",
            DefaultRetryAfter),
    };

    public static ProblemHttpResult From(Exception exception, HttpContext context)
    {
        var problem = Describe(exception);
        SetRetryAfter(context, problem.RetryAfter);
        return TypedResults.Problem(title: problem.Title, detail: problem.Detail, statusCode: problem.Status);
    }

    public static bool IsInvokeFailure(Exception exception) =>
        exception is LambdaInvokeException or HttpRequestException or TaskCanceledException;

    public static void SetRetryAfter(HttpContext context, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            RetryAfter.Set(context, wait);
        }
    }
}
