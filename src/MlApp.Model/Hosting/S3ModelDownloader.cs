using System.Diagnostics;
using System.Net;
using Amazon.S3;
using Microsoft.Extensions.Logging;

namespace MlApp.Model.Hosting;

/// <summary>
/// Copies a model folder from S3 to local disk, because ONNX Runtime loads from a file. The client comes from DI, so
/// its endpoint, region and credentials are the SDK's standard ones (AWS_ENDPOINT_URL_S3 locally, the task role in AWS).
/// </summary>
public sealed partial class S3ModelDownloader(IAmazonS3 s3, ILogger<S3ModelDownloader> logger)
{
    /// <summary>Downloads into a new folder under the temp path (a per-process folder: replicas on one host never share files).</summary>
    public async Task<string> DownloadAsync(S3ModelLocation location, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var folder = Path.Combine(Path.GetTempPath(), "mlapp-model", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        long bytes = 0;
        try
        {
            foreach (var name in new[] { ModelFolder.OnnxFileName, ModelFolder.CardFileName })
            {
                bytes += await DownloadFileAsync(location, name, Path.Combine(folder, name), cancellationToken);
            }
        }
        catch
        {
            // Half a model is no model: leave nothing behind for anyone to load by mistake.
            Directory.Delete(folder, recursive: true);
            throw;
        }

        LogDownloaded(logger, location.ToString(), bytes, folder, stopwatch.Elapsed.TotalMilliseconds);
        return folder;
    }

    private async Task<long> DownloadFileAsync(S3ModelLocation location, string name, string path, CancellationToken cancellationToken)
    {
        var key = location.KeyOf(name);
        try
        {
            using var response = await s3.GetObjectAsync(location.Bucket, key, cancellationToken);
            await using var file = File.Create(path);
            await response.ResponseStream.CopyToAsync(file, cancellationToken);
            return file.Length;
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ModelLoadException($"No {name} at s3://{location.Bucket}/{key} ({error.ErrorCode}); a model folder holds {ModelFolder.OnnxFileName} and {ModelFolder.CardFileName}.", error);
        }
        catch (AmazonS3Exception error)
        {
            throw new ModelLoadException($"Could not download s3://{location.Bucket}/{key}: {(int)error.StatusCode} {error.ErrorCode}: {error.Message}", error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloaded model {Location} ({Bytes} bytes) to {Folder} in {ElapsedMs:F1} ms")]
    private static partial void LogDownloaded(ILogger logger, string location, long bytes, string folder, double elapsedMs);
}
