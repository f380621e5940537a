using System.Net;
using System.Text.Json;
using MlApp.Aws.Ecs;
using MlApp.Tests.Support;
using static MlApp.Tests.Support.RecordedHttpHandler;
using static MlApp.Tests.Unit.Ecs.RecordedEcsResponses;

namespace MlApp.Tests.Unit.Ecs;

/// <summary>How the ECS client reads ECS's errors: which it retries (throttling, 5xx) and which typed exception each becomes.</summary>
[Trait("Category", "Unit")]
public sealed class EcsClientErrorTests
{
    [Fact]
    public async Task RunTask_throttling_is_retried_with_the_same_client_token_and_the_later_success_returned()
    {
        var handler = new RecordedHttpHandler(
            () => Json(HttpStatusCode.BadRequest, Throttling),
            () => Json(HttpStatusCode.BadRequest, Throttling),
            () => Json(HttpStatusCode.OK, RunTaskStarted));

        var response = await EcsTestClient.Create(handler).RunTaskAsync(1, null, null, default);

        Assert.Equal(TaskArn, Assert.Single(response.Tasks).TaskArn);
        Assert.Equal(3, handler.Requests.Count);
        var tokens = handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("clientToken").GetString()).Distinct();
        Assert.Single(tokens);
    }

    [Fact]
    public async Task Throttling_on_every_try_gives_up_after_the_attempt_bound()
    {
        var handler = new RecordedHttpHandler(Enumerable.Repeat(() => Json(HttpStatusCode.BadRequest, Throttling), 3).ToArray());

        var error = await Assert.ThrowsAsync<EcsThrottledException>(() =>
            EcsTestClient.Create(handler, options => options.MaxAttempts = 3).RunTaskAsync(1, null, null, default));

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.Equal("Rate exceeded", error.ErrorMessage);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_on_every_try_raised_as_a_service_error()
    {
        var handler = new RecordedHttpHandler(Enumerable.Repeat(() => Json(HttpStatusCode.InternalServerError, ServerException), 2).ToArray());

        var error = await Assert.ThrowsAsync<EcsServiceException>(() =>
            EcsTestClient.Create(handler, options => options.MaxAttempts = 2).DescribeTasksAsync([TaskArn], default));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal("ServerException", error.ErrorType);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_client_exception_is_raised_with_its_type_and_message_at_once()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.BadRequest, ClientException));

        var error = await Assert.ThrowsAsync<EcsClientException>(() => EcsTestClient.Create(handler).RunTaskAsync(1, null, null, default));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(EcsErrorTypes.ClientException, error.ErrorType);
        Assert.Equal("Unable to describe task definition.", error.ErrorMessage);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_unknown_cluster_is_a_client_exception_of_type_cluster_not_found()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.BadRequest, ClusterNotFound));

        var error = await Assert.ThrowsAsync<EcsClientException>(() => EcsTestClient.Create(handler).ListRunningTasksAsync(default));

        Assert.Equal(EcsErrorTypes.ClusterNotFoundException, error.ErrorType);
        Assert.Equal("Cluster not found.", error.ErrorMessage);
    }

    [Fact]
    public async Task An_error_type_with_a_namespace_is_named_by_the_part_after_the_hash()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.BadRequest, InvalidParameterWithNamespace));

        var error = await Assert.ThrowsAsync<EcsClientException>(() => EcsTestClient.Create(handler).RunTaskAsync(1, null, null, default));

        Assert.Equal(EcsErrorTypes.InvalidParameterException, error.ErrorType);
        Assert.StartsWith("Network Configuration must be provided", error.ErrorMessage);
    }

    [Fact]
    public async Task Access_denied_with_a_capitalised_message_is_read_and_not_retried()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.BadRequest, AccessDenied));

        var error = await Assert.ThrowsAsync<EcsClientException>(() => EcsTestClient.Create(handler).RunTaskAsync(1, null, null, default));

        Assert.Equal(EcsErrorTypes.AccessDeniedException, error.ErrorType);
        Assert.Contains("is not authorized to perform: ecs:RunTask", error.ErrorMessage);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_error_without_a_json_body_is_named_by_its_error_type_header()
    {
        var handler = new RecordedHttpHandler(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html>denied</html>") };
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/");
            return response;
        });

        var error = await Assert.ThrowsAsync<EcsClientException>(() => EcsTestClient.Create(handler).RunTaskAsync(1, null, null, default));

        Assert.Equal(EcsErrorTypes.AccessDeniedException, error.ErrorType);
    }

    [Fact]
    public async Task A_200_whose_body_is_not_ecs_json_is_a_service_error_not_a_silent_empty_answer()
    {
        var handler = new RecordedHttpHandler(() => Json(HttpStatusCode.OK, "<html>captive portal</html>"));

        var error = await Assert.ThrowsAsync<EcsServiceException>(() => EcsTestClient.Create(handler).RunTaskAsync(1, null, null, default));

        Assert.Equal("InvalidResponse", error.ErrorType);
    }
}
