namespace MlApp.Web.Jobs;

/// <summary>How a cancel ended: its status, the job as it now is (when it is the caller's), and what to tell the caller.</summary>
public sealed record CancelAnswer(int Status, JobView? Job, string Title, string? Detail = null)
{
    public static CancelAnswer MalformedId { get; } =
        new(StatusCodes.Status400BadRequest, null, "The job id is malformed.", "A job id is 32 lower-case hexadecimal characters.");

    /// <summary>Title and detail as one sentence or two, for a page's notice.</summary>
    public string Message => Detail is null ? Title : $"{Title} {Detail}";
}
