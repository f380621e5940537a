namespace MlApp.Web.Jobs;

/// <summary>How a submission ended: a new job, the job an earlier try with the same idempotency key made, or a refusal.</summary>
public abstract record UploadOutcome
{
    public sealed record Created(JobView Job) : UploadOutcome;

    public sealed record Replayed(JobView Job) : UploadOutcome;

    public sealed record Rejected(int Status, string Title, string Detail, IDictionary<string, string[]>? Errors = null) : UploadOutcome;
}
