using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MlApp.Jobs;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Web.Jobs;

/// <summary>
/// Takes a multipart CSV upload to a queued job: the header is checked against the model's schema before anything is
/// stored, the file streams to its own S3 object with the caps enforced on the way, and only then is the job created,
/// conditionally. Whatever fails, no job points at a partial input and no orphan object stays behind.
/// </summary>
public sealed partial class JobUpload(
    JobRepository jobs, JobFiles files, ModelCard card, IOptions<UploadOptions> options, TimeProvider time, ILogger<JobUpload> logger)
{
    public const string FileField = "file";

    private readonly UploadOptions _limits = options.Value;

    /// <summary>The CSV of an API upload (multipart field <see cref="FileField"/>), with the body allowed up to the upload cap.</summary>
    public Task<Stream?> OpenMultipartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // The streaming caps below are the real limit; leave room for the multipart framing around the file.
            bodySize.MaxRequestBodySize = _limits.MaxBytes + 64 * 1024;
        }

        return MultipartFile.OpenAsync(request, FileField, cancellationToken);
    }

    /// <summary>Takes the CSV: the file of an API upload as it streams in, or of a form the page has already read.</summary>
    public async Task<UploadOutcome> SubmitAsync(Stream csv, string ownerId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var upload = new CsvUploadStream(csv, _limits.MaxBytes, _limits.MaxRows);
        try
        {
            if (CheckHeader(await upload.ReadHeaderAsync(cancellationToken)) is { } headerProblem)
            {
                return headerProblem;
            }

            var jobId = JobKeys.NewJobId(ownerId, idempotencyKey, time);
            if (idempotencyKey is not null && await jobs.GetAsync(ownerId, jobId, cancellationToken) is { } earlier)
            {
                await upload.CopyToAsync(Stream.Null, cancellationToken);
                return SameRequest(earlier, upload.Fingerprint);
            }

            return await StoreAsync(upload, ownerId, jobId, idempotencyKey, cancellationToken);
        }
        catch (UploadRejectedException e)
        {
            return Reject(e.Status, "The file was refused.", e.Message);
        }
    }

    private async Task<UploadOutcome> StoreAsync(CsvUploadStream upload, string ownerId, string jobId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var inputKey = JobKeys.UploadKey(ownerId, jobId, Guid.NewGuid());
        await files.UploadAsync(inputKey, upload, "text/csv", cancellationToken);
        if (upload.DataRows == 0)
        {
            await files.DeleteAsync(inputKey, CancellationToken.None);
            return Reject(StatusCodes.Status400BadRequest, "The file has no data rows.", "The CSV has a header but no rows to predict.");
        }

        var creation = await jobs.CreateAsync(new JobSubmission
        {
            OwnerId = ownerId,
            JobId = jobId,
            InputKey = inputKey,
            RowsTotal = upload.DataRows,
            TraceParent = Activity.Current?.Id,
            IdempotencyKey = idempotencyKey,
            RequestFingerprint = upload.Fingerprint,
            ModelVersion = card.Version,
        }, cancellationToken);

        if (creation.Created)
        {
            LogQueued(jobId, ownerId, upload.DataRows, upload.Bytes);
            return new UploadOutcome.Created(JobView.From(creation.Job));
        }

        // A racing try with the same key created the job first; this copy of the input is not needed.
        await files.DeleteAsync(inputKey, CancellationToken.None);
        return SameRequest(creation.Job, upload.Fingerprint);
    }

    private UploadOutcome? CheckHeader(IReadOnlyList<string>? header)
    {
        if (header is null)
        {
            return Reject(StatusCodes.Status400BadRequest, "The file is empty.", "Upload a CSV whose first row names the model's inputs.");
        }

        var reader = CsvFeatureReader.Create(card, header);
        return reader.IsValid
            ? null
            : Reject(StatusCodes.Status400BadRequest, "The header row does not match the model's inputs.", reader.ErrorText,
                new Dictionary<string, string[]> { ["header"] = reader.Errors.Select(error => error.Message).ToArray() });
    }

    private static UploadOutcome SameRequest(Job earlier, string fingerprint) => earlier.RequestFingerprint == fingerprint
        ? new UploadOutcome.Replayed(JobView.From(earlier))
        : Reject(StatusCodes.Status422UnprocessableEntity, "The idempotency key was used for a different file.",
            $"Job {earlier.JobId} was created with this Idempotency-Key from other content. Use a new key for a new file.");

    private static UploadOutcome.Rejected Reject(int status, string title, string detail, IDictionary<string, string[]>? errors = null) =>
        new(status, title, detail, errors);

    // The web's first line of a job's story in the logs; the worker's lines carry the same jobId.
    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} queued for owner {OwnerId}: {Rows} rows, {Bytes} bytes")]
    private partial void LogQueued(string jobId, string ownerId, long rows, long bytes);
}
