using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace MlApp.Jobs;

/// <summary>
/// Uploads a stream of unknown length with memory bounded by one part: a single PUT when it fits in one part,
/// multipart otherwise. A failed multipart upload is aborted, so no partial object is ever left behind. Each request
/// carries the CRC-32 of its bytes (see <see cref="S3Crc32"/>), so S3 refuses a body that changed on the way.
/// </summary>
internal sealed class S3StreamingUpload(IAmazonS3 s3, string bucket, string key, string contentType)
{
    /// <summary>8 MiB: above S3's 5 MiB minimum part size, and 10,000 parts still allow 80 GB.</summary>
    public const int PartSize = 8 * 1024 * 1024;

    public async Task<long> RunAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var firstLength = await content.ReadAtLeastAsync(buffer.AsMemory(0, PartSize), PartSize, throwOnEndOfStream: false, cancellationToken);
            if (firstLength < PartSize)
            {
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    ContentType = contentType,
                    InputStream = new MemoryStream(buffer, 0, firstLength, writable: false),
                    ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                    ChecksumCRC32 = S3Crc32.Of(buffer.AsSpan(0, firstLength)),
                }, cancellationToken);
                return firstLength;
            }

            return await UploadPartsAsync(content, buffer, firstLength, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<long> UploadPartsAsync(Stream content, byte[] buffer, int firstLength, CancellationToken cancellationToken)
    {
        var upload = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = contentType,
        }, cancellationToken);
        try
        {
            var parts = new List<UploadPartResponse>();
            long total = 0;
            for (var length = firstLength; length > 0; length = await content.ReadAtLeastAsync(buffer.AsMemory(0, PartSize), PartSize, throwOnEndOfStream: false, cancellationToken))
            {
                parts.Add(await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = parts.Count + 1,
                    PartSize = length,
                    InputStream = new MemoryStream(buffer, 0, length, writable: false),
                    ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                    ChecksumCRC32 = S3Crc32.Of(buffer.AsSpan(0, length)),
                }, cancellationToken));
                total += length;
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId };
            complete.AddPartETags(parts);
            await s3.CompleteMultipartUploadAsync(complete, cancellationToken);
            return total;
        }
        catch
        {
            // CancellationToken.None: the caller's token may be the reason we are here, and the abort must still happen.
            await s3.AbortMultipartUploadAsync(bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
    }
}
