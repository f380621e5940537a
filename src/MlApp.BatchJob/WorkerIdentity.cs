using System.Text.Json;

namespace MlApp.BatchJob;

/// <summary>Names this worker in lease tokens and logs: the ECS task ARN on Fargate, else the machine name and process id.</summary>
public static class WorkerIdentity
{
    /// <summary>Set by ECS in every container of a task; <c>{value}/task</c> describes the task.</summary>
    public const string MetadataVariable = "ECS_CONTAINER_METADATA_URI_V4";

    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(2);

    public static string Fallback => $"{Environment.MachineName}-{Environment.ProcessId}";

    public static async Task<string> ResolveAsync(string? metadataUri, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(metadataUri, UriKind.Absolute, out var metadata))
        {
            return Fallback;
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = MetadataTimeout;
        try
        {
            await using var body = await http.GetStreamAsync($"{metadata.AbsoluteUri.TrimEnd('/')}/task", cancellationToken);
            using var task = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return task.RootElement.TryGetProperty("TaskARN", out var arn) && arn.GetString() is { Length: > 0 } taskArn ? taskArn : Fallback;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The name only tells workers apart in leases and logs; the machine name does that too.
            return Fallback;
        }
    }
}
