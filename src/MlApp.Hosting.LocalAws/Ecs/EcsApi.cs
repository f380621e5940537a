using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlApp.Aws.Ecs;
using MlApp.ServiceDefaults.Http;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// <c>POST /</c> with <c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.{Operation}</c>: ECS's JSON 1.1 protocol, with
/// its error shape <c>{"__type", "message"}</c> and its status codes.
/// </summary>
internal static class EcsApi
{
    private const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    private const string JsonContentType = "application/x-amz-json-1.1";

    // Far above any real request of these four operations; ECS limits overrides alone to 8 KB.
    private const int MaxRequestBytes = 1024 * 1024;

    public static void MapEcsApi(this IEndpointRouteBuilder app, EcsTaskBoard board)
    {
        app.MapPost("/", async (HttpContext context) =>
        {
            var response = context.Response;
            response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            try
            {
                CheckSigned(context.Request);
                var operation = context.Request.Headers["X-Amz-Target"].ToString() is var target && target.StartsWith(TargetPrefix, StringComparison.Ordinal)
                    ? target[TargetPrefix.Length..]
                    : null;
                var body = await BoundedBody.ReadAsync(context.Request, MaxRequestBytes, context.RequestAborted)
                    ?? throw EcsApiError.Serialization("The request is too large.");
                var types = EcsJsonContext.Default;
                var answer = operation switch
                {
                    "RunTask" => Answer(board.RunTask(Read(body, types.RunTaskRequest)), types.RunTaskResponse),
                    "DescribeTasks" => Answer(board.DescribeTasks(Read(body, types.DescribeTasksRequest)), types.DescribeTasksResponse),
                    "StopTask" => Answer(board.StopTask(Read(body, types.StopTaskRequest)), types.StopTaskResponse),
                    "ListTasks" => Answer(board.ListTasks(Read(body, types.ListTasksRequest)), types.ListTasksResponse),
                    _ => throw EcsApiError.UnknownOperation(),
                };
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = JsonContentType;
                await response.Body.WriteAsync(answer, context.RequestAborted);
            }
            catch (EcsApiError error)
            {
                response.StatusCode = error.Status;
                response.ContentType = JsonContentType;
                var document = new Dictionary<string, string> { ["__type"] = error.Type };
                if (error.ErrorMessage is { } message)
                {
                    document["message"] = message;
                }

                await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(document), context.RequestAborted);
            }
        });
    }

    /// <summary>
    /// The emulator checks no signatures, but it does refuse unsigned requests and requests signed for another service, so
    /// a client that would be refused by AWS for either is refused here too.
    /// </summary>
    private static void CheckSigned(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            throw EcsApiError.MissingAuthenticationToken();
        }

        // Credential=AKID/20240101/us-east-1/ecs/aws4_request
        if (!authorization.Contains("/ecs/aws4_request", StringComparison.Ordinal))
        {
            throw EcsApiError.WrongSigningService();
        }
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return (body.Length == 0 ? default : JsonSerializer.Deserialize(body, type))
                ?? throw EcsApiError.Serialization("The request body is not a JSON object.");
        }
        catch (JsonException error)
        {
            throw EcsApiError.Serialization(error.Message);
        }
    }

    private static byte[] Answer<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);
}
