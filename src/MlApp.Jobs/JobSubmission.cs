namespace MlApp.Jobs;

/// <summary>What the web knows about a new job once its input is stored. <see cref="JobId"/> comes from <see cref="JobKeys.NewJobId"/>.</summary>
public sealed record JobSubmission
{
    public required string OwnerId { get; init; }
    public required string JobId { get; init; }

    /// <summary>Where the input is; <see cref="JobKeys.InputKey"/> when not given.</summary>
    public string? InputKey { get; init; }
    public long? RowsTotal { get; init; }
    public string? TraceParent { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? RequestFingerprint { get; init; }
    public string? ModelVersion { get; init; }
}
