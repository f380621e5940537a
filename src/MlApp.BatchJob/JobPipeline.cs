using System.IO.Pipelines;
using System.Net;
using Amazon.S3;
using MlApp.Jobs;

namespace MlApp.BatchJob;

/// <summary>
/// Streams one job from its input object through <see cref="CsvBatch"/> into its result object: S3 → rows → chunks →
/// CSV → a bounded pipe → the multipart upload. Memory stays flat whatever the size; whichever side fails stops the
/// other, and a failed or cancelled run never completes the upload, so a result object is always whole.
/// </summary>
internal sealed class JobPipeline(JobFiles files, CsvBatch batch)
{
    /// <summary>
    /// The writer waits when this much output waits for the upload. The upload takes 8 MiB parts and reads nothing while
    /// it sends one, so the pipe holds two parts: prediction goes on while a part is on its way instead of stalling.
    /// </summary>
    private static readonly PipeOptions Bounded = new(pauseWriterThreshold: 16 * 1024 * 1024, resumeWriterThreshold: 8 * 1024 * 1024);

    public async Task<long> RunAsync(Job job, string resultKey, JobProgress progress, CancellationToken cancellationToken)
    {
        await using var input = await OpenInputAsync(job.InputKey, cancellationToken);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe(Bounded);
        var upload = UploadAsync(pipe.Reader, resultKey, failFast);
        var predict = PredictAsync(input, pipe.Writer, progress, failFast);
        try
        {
            await Task.WhenAll(predict, upload);
            return predict.Result;
        }
        catch
        {
            throw StageFailure.RootCause(cancellationToken, predict, upload);
        }
    }

    private async Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await files.OpenReadAsync(key, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new JobInputException($"The input file '{key}' does not exist: it was deleted, or its upload never finished.");
        }
    }

    private async Task<long> PredictAsync(Stream input, PipeWriter output, JobProgress progress, CancellationTokenSource failFast)
    {
        try
        {
            await using var stream = output.AsStream(leaveOpen: true);
            var rows = await batch.RunAsync(input, stream, progress, failFast.Token);
            await output.CompleteAsync();
            return rows;
        }
        catch (Exception e)
        {
            // The upload sees the error instead of an end of file, so it aborts rather than storing a truncated result.
            await output.CompleteAsync(e);
            await failFast.CancelAsync();
            throw;
        }
    }

    private async Task UploadAsync(PipeReader output, string resultKey, CancellationTokenSource failFast)
    {
        try
        {
            await using var stream = output.AsStream(leaveOpen: true);
            await files.UploadAsync(resultKey, stream, "text/csv", failFast.Token);
            await output.CompleteAsync();
        }
        catch (Exception e)
        {
            await output.CompleteAsync(e);
            await failFast.CancelAsync();
            throw;
        }
    }
}
