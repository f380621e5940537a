using Microsoft.AspNetCore.Http.HttpResults;
using MlApp.Jobs;
using MlApp.Web.Owners;

namespace MlApp.Web.Jobs;

/// <summary>
/// <c>/api/jobs</c>: submit a CSV, list, read, download and cancel. The owner comes from the caller's identity and is part
/// of every lookup, so another owner's job is a 404 like a job that doesn't exist.
/// </summary>
public static class JobsApi
{
    private static readonly TimeSpan DownloadLinkLifetime = JobFiles.MaxLinkLifetime;

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").WithTags("Batch jobs");
        api.MapPost("/", SubmitAsync)
            .WithSummary("Uploads a CSV (multipart field 'file') as a batch prediction job. An Idempotency-Key header makes retries safe.")
            .DisableAntiforgery();
        api.MapGet("/", ListAsync).WithSummary("My jobs, newest first.");
        api.MapGet("/{id}", GetAsync).WithSummary("One job's status and progress.");
        api.MapGet("/{id}/result", ResultAsync).WithSummary("Redirects to a download link for a succeeded job's result, valid for 15 minutes.");
        api.MapDelete("/{id}", CancelAsync).WithSummary("Cancels a job that is still queued.");
        return api;
    }

    public static async Task<Results<Created<JobView>, Ok<JobView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpContext context, JobSubmitter submitter, JobUpload upload)
    {
        var idempotencyKey = context.Request.Headers[IdempotencyKey.HeaderName].FirstOrDefault();
        return await submitter.SubmitAsync(context, idempotencyKey, cancellationToken => upload.OpenMultipartAsync(context.Request, cancellationToken)) switch
        {
            UploadOutcome.Created created => TypedResults.Created($"/api/jobs/{created.Job.Id}", created.Job),
            UploadOutcome.Replayed replayed => TypedResults.Ok(replayed.Job),
            UploadOutcome.Rejected { Errors: { } errors } rejected => TypedResults.ValidationProblem(errors, rejected.Detail, title: rejected.Title),
            UploadOutcome.Rejected rejected => TypedResults.Problem(title: rejected.Title, detail: rejected.Detail, statusCode: rejected.Status),
            var other => throw new InvalidOperationException($"Unexpected upload outcome {other}."),
        };
    }

    public static async Task<Results<Ok<JobListView>, ProblemHttpResult>> ListAsync(
        HttpContext context, JobRepository jobs, int? pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = pageSize ?? 20;
        if (size is < 1 or > JobRepository.MaxPageSize)
        {
            return TypedResults.Problem(title: "pageSize is out of range.", detail: $"Use 1 to {JobRepository.MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var page = await jobs.ListAsync(await context.GetOrCreateOwnerIdAsync(), size, pageToken, cancellationToken);
            return TypedResults.Ok(new JobListView(page.Jobs.Select(JobView.From).ToList(), page.NextPageToken));
        }
        catch (ArgumentException e) when (e.ParamName == "pageToken")
        {
            return TypedResults.Problem(title: "pageToken is invalid.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    public static async Task<Results<Ok<JobView>, NotFound, ProblemHttpResult>> GetAsync(
        HttpContext context, JobRepository jobs, string id, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } problem)
        {
            return problem;
        }

        var job = await jobs.GetAsync(await context.GetOrCreateOwnerIdAsync(), id, cancellationToken);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(JobView.From(job));
    }

    public static async Task<Results<RedirectHttpResult, NotFound, ProblemHttpResult>> ResultAsync(
        HttpContext context, JobRepository jobs, JobFiles files, string id, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } problem)
        {
            return problem;
        }

        var job = await jobs.GetAsync(await context.GetOrCreateOwnerIdAsync(), id, cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        if (job is not { Status: JobStatus.Succeeded, ResultKey: { } resultKey })
        {
            return TypedResults.Problem(
                title: "The job has no result.",
                detail: $"The job is {job.Status.ToStored()}; a result is ready only once it has SUCCEEDED.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var link = await files.CreateDownloadLinkAsync(resultKey, $"predictions-{job.JobId}.csv", DownloadLinkLifetime);
        return TypedResults.Redirect(link.ToString());
    }

    public static async Task<Results<Ok<JobView>, NotFound, ProblemHttpResult>> CancelAsync(
        HttpContext context, JobCancellation cancellation, string id, CancellationToken cancellationToken)
    {
        var answer = await cancellation.CancelAsync(context.FindOwnerId(), id, cancellationToken);
        return answer switch
        {
            { Status: StatusCodes.Status200OK, Job: { } job } => TypedResults.Ok(job),
            { Status: StatusCodes.Status404NotFound } => TypedResults.NotFound(),
            _ => TypedResults.Problem(title: answer.Title, detail: answer.Detail, statusCode: answer.Status),
        };
    }

    private static ProblemHttpResult? InvalidId(string id) => JobKeys.IsValidJobId(id)
        ? null
        : TypedResults.Problem(title: "The job id is malformed.", detail: "A job id is 32 lower-case hexadecimal characters.", statusCode: StatusCodes.Status400BadRequest);
}
