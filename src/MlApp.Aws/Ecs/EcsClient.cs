using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using MlApp.Aws;

namespace MlApp.Aws.Ecs;

/// <summary>
/// Calls ECS's JSON 1.1 API (RunTask, DescribeTasks, StopTask, ListTasks) over signed HTTP for the batch task
/// definition in <see cref="BatchOptions"/>. Throttling and service errors are retried with jittered backoff; every
/// other error becomes an <see cref="EcsClientException"/>. Item-level failures of a 200 are returned, never dropped.
/// </summary>
public sealed class EcsClient(HttpClient http, IOptions<BatchOptions> options, RetryBackoff backoff, TimeProvider time)
{
    /// <summary>ECS starts at most 10 tasks per RunTask call.</summary>
    public const int MaxTasksPerRunTask = 10;

    /// <summary>DescribeTasks takes at most 100 tasks per call.</summary>
    public const int MaxTasksPerDescribe = 100;

    private const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    private readonly BatchOptions _options = options.Value;

    public BatchOptions Options => _options;

    /// <summary>Starts <paramref name="count"/> batch tasks on Fargate in the configured subnets and security groups.</summary>
    /// <param name="clientToken">
    /// Makes the call idempotent, e.g. one token per dispatch decision. When null a fresh token is used, so that at least
    /// this call's own retries (after a throttle or a lost response) never start the tasks twice.
    /// </param>
    public Task<RunTaskResponse> RunTaskAsync(int count, string? clientToken, TaskOverride? overrides, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxTasksPerRunTask);
        var request = new RunTaskRequest
        {
            Cluster = _options.Cluster,
            TaskDefinition = _options.TaskDefinition,
            LaunchType = _options.CapacityProvider is null ? "FARGATE" : null,
            CapacityProviderStrategy = _options.CapacityProvider is { } provider ? [new CapacityProviderStrategyItem(provider, Weight: 1)] : null,
            Count = count,
            NetworkConfiguration = new NetworkConfiguration(new AwsVpcConfiguration(
                _options.Subnets,
                _options.SecurityGroups.Length > 0 ? _options.SecurityGroups : null,
                _options.AssignPublicIp ? "ENABLED" : "DISABLED")),
            Overrides = overrides,
            StartedBy = _options.StartedBy,
            ClientToken = clientToken ?? Guid.NewGuid().ToString("N"),
        };
        return SendAsync("RunTask", request, EcsJsonContext.Default.RunTaskRequest, EcsJsonContext.Default.RunTaskResponse, cancellationToken);
    }

    /// <summary>Describes tasks of the configured cluster; unknown ones come back in <see cref="DescribeTasksResponse.Failures"/>.</summary>
    public Task<DescribeTasksResponse> DescribeTasksAsync(IReadOnlyList<string> tasks, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tasks.Count, 1, nameof(tasks));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tasks.Count, MaxTasksPerDescribe, nameof(tasks));
        return SendAsync("DescribeTasks", new DescribeTasksRequest(_options.Cluster, tasks),
            EcsJsonContext.Default.DescribeTasksRequest, EcsJsonContext.Default.DescribeTasksResponse, cancellationToken);
    }

    /// <summary>Asks ECS to stop a task; the container gets SIGTERM, then SIGKILL after its stop timeout.</summary>
    public async Task<EcsTask> StopTaskAsync(string task, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reason.Length, 255, nameof(reason));
        var response = await SendAsync("StopTask", new StopTaskRequest(_options.Cluster, task, reason),
            EcsJsonContext.Default.StopTaskRequest, EcsJsonContext.Default.StopTaskResponse, cancellationToken);
        return response.Task ?? throw new EcsServiceException(HttpStatusCode.OK, "InvalidResponse", "StopTask returned no task.");
    }

    /// <summary>One page of ListTasks, for callers that need other filters than <see cref="ListRunningTasksAsync"/>.</summary>
    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken) =>
        SendAsync("ListTasks", request with { Cluster = request.Cluster ?? _options.Cluster },
            EcsJsonContext.Default.ListTasksRequest, EcsJsonContext.Default.ListTasksResponse, cancellationToken);

    /// <summary>
    /// The ARNs of every task this app started (<see cref="BatchOptions.StartedBy"/>) that ECS has not yet decided to
    /// stop, across all pages: what the dispatcher counts against <see cref="BatchOptions.MaxConcurrentTasks"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListRunningTasksAsync(CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? nextToken = null;
        do
        {
            // startedBy must be the only filter (ECS API reference); desiredStatus RUNNING is the default, so it is implied.
            var page = await ListTasksAsync(new ListTasksRequest { StartedBy = _options.StartedBy, NextToken = nextToken }, cancellationToken);
            arns.AddRange(page.TaskArns);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return arns;
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.SendAsync(CreateRequest(operation, payload), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Deserialize(operation, body, responseType);
            }

            var failure = Classify(response, body);
            if (failure is EcsClientException || attempt >= _options.MaxAttempts)
            {
                throw failure;
            }

            await Task.Delay(backoff.DelayBefore(attempt), time, cancellationToken);
        }
    }

    private static HttpRequestMessage CreateRequest(string operation, byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        return request;
    }

    private static TResponse Deserialize<TResponse>(string operation, byte[] body, JsonTypeInfo<TResponse> responseType)
    {
        try
        {
            return JsonSerializer.Deserialize(body, responseType)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException error)
        {
            throw new EcsServiceException(HttpStatusCode.OK, "InvalidResponse", $"{operation} returned a body this client cannot read: {error.Message}");
        }
    }

    private static EcsException Classify(HttpResponseMessage response, byte[] body)
    {
        var error = AwsErrorBody.Parse(body);
        var errorType = error.Type ?? AwsErrorBody.TypeFromHeader(response) ?? response.ReasonPhrase ?? "Unknown";
        var message = error.Message ?? "(no message)";
        if (errorType == EcsErrorTypes.ThrottlingException || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new EcsThrottledException(response.StatusCode, message);
        }

        return (int)response.StatusCode >= 500
            ? new EcsServiceException(response.StatusCode, errorType, message)
            : new EcsClientException(response.StatusCode, errorType, message);
    }
}
