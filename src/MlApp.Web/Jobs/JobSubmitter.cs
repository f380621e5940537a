using MlApp.Web.Dispatch;
using MlApp.Web.Limits;
using MlApp.Web.Owners;

namespace MlApp.Web.Jobs;

/// <summary>
/// The one way a job is submitted, by the jobs page and by <c>POST /api/jobs</c>: the owner's submission limit, the
/// idempotency-key rule, the upload, and the dispatch of a job that this call created. Each caller only turns the
/// outcome into its own kind of answer.
/// </summary>
public sealed class JobSubmitter(JobUpload upload, JobDispatcher dispatcher, OwnerRateLimiter limiter)
{
    /// <param name="openCsv">Opens the CSV once the submission may go ahead; null when the request carries none.</param>
    public async Task<UploadOutcome> SubmitAsync(HttpContext context, string? idempotencyKey, Func<CancellationToken, Task<Stream?>> openCsv)
    {
        var cancellationToken = context.RequestAborted;
        // Checked before an owner is minted, so a visitor without one spends from its address's allowance.
        if (limiter.TryAcquire(context, LimitKind.Submission) is { IsAllowed: false } limited)
        {
            RetryAfter.Set(context, limited.RetryAfter);
            return new UploadOutcome.Rejected(StatusCodes.Status429TooManyRequests, RateLimitProblem.Title(LimitKind.Submission), RateLimitProblem.Detail(limited));
        }

        if (IdempotencyKey.Check(idempotencyKey) is { } invalidKey)
        {
            return invalidKey;
        }

        var ownerId = await context.GetOrCreateOwnerIdAsync();
        await using var csv = await openCsv(cancellationToken);
        if (csv is null)
        {
            return new UploadOutcome.Rejected(StatusCodes.Status400BadRequest, "No file was uploaded.",
                $"Send multipart/form-data with the CSV in a file field named '{JobUpload.FileField}'.");
        }

        var outcome = await upload.SubmitAsync(csv, ownerId, idempotencyKey, cancellationToken);
        if (outcome is UploadOutcome.Created { Job.Id: var newJobId })
        {
            await dispatcher.DispatchForNewJobAsync(newJobId, cancellationToken);
        }

        return outcome;
    }
}
