using Amazon.S3;
using Amazon.S3.Model;

namespace MlApp.Jobs;

/// <summary>The bucket for inputs and results. For local stand-ins and tests; CDK owns it in AWS.</summary>
public static class JobBucket
{
    public static async Task EnsureExistsAsync(IAmazonS3 s3, string bucketName, CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucketName }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Created already, by an earlier start or a racing caller.
        }
    }
}
