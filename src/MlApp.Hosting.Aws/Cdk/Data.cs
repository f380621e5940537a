using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;
using MlApp.Jobs;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>The job table and the bucket of inputs and results, and the least each app needs of them.</summary>
public sealed class Data : Construct
{
    /// <summary>Key prefixes of the bucket (see <see cref="JobKeys"/>); each role gets rights on its prefixes only.</summary>
    public const string InputsPrefix = "inputs/";
    public const string ResultsPrefix = "results/";
    public const string DataProtectionPrefix = "dataprotection/";

    public Data(Construct scope, string id, DeploymentSettings settings) : base(scope, id)
    {
        Table = JobTableSchema.Create(this, "Jobs");
        Bucket = new Bucket(this, "Files", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            LifecycleRules =
            [
                new LifecycleRule { Id = "expire-inputs", Prefix = InputsPrefix, Expiration = Duration.Days(settings.InputRetentionDays) },
                new LifecycleRule { Id = "expire-results", Prefix = ResultsPrefix, Expiration = Duration.Days(settings.ResultRetentionDays) },
                // An upload cut off half way leaves parts that are billed but never listed.
                new LifecycleRule { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(1) },
            ],
            // Inputs and results are the users' data: `cdk destroy` leaves the bucket (README, "Deploy to AWS").
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }

    public Table Table { get; }

    public Bucket Bucket { get; }

    /// <summary>The job settings every app that uses the store gets (<see cref="Jobs.JobsOptions"/>).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [SettingNames.TableName] = Table.TableName,
        [SettingNames.BucketName] = Bucket.BucketName,
    };

    /// <summary>
    /// The web: creates, reads, lists and cancels jobs and counts the queue; streams uploads into inputs/ (deleting the
    /// loser of a racing upload), signs download links to results/, and keeps ASP.NET data-protection keys.
    /// </summary>
    public void GrantWebAccess(IGrantable grantee)
    {
        Allow(grantee, ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], Table.TableArn);
        Allow(grantee, ["dynamodb:Query"], Index(JobAttributes.CreatedIndex), Index(JobAttributes.QueueIndex));
        Allow(grantee, ["s3:PutObject", "s3:AbortMultipartUpload", "s3:DeleteObject"], Bucket.ArnForObjects(InputsPrefix + "*"));
        Allow(grantee, ["s3:GetObject"], Bucket.ArnForObjects(ResultsPrefix + "*"));
        Allow(grantee, ["s3:GetObject", "s3:PutObject"], Bucket.ArnForObjects(DataProtectionPrefix + "*"));
        Grants.Allow(grantee, ["s3:ListBucket"], [Bucket.BucketArn], Grants.Condition("StringLike", "s3:prefix", DataProtectionPrefix + "*"));
    }

    /// <summary>The batch worker: claims, heartbeats and finishes jobs through the queue index; reads inputs, writes results.</summary>
    public void GrantWorkerAccess(IGrantable grantee)
    {
        Allow(grantee, ["dynamodb:UpdateItem"], Table.TableArn);
        Allow(grantee, ["dynamodb:Query"], Index(JobAttributes.QueueIndex));
        Allow(grantee, ["s3:GetObject"], Bucket.ArnForObjects(InputsPrefix + "*"));
        Allow(grantee, ["s3:PutObject", "s3:AbortMultipartUpload"], Bucket.ArnForObjects(ResultsPrefix + "*"));
    }

    private string Index(string name) => $"{Table.TableArn}/index/{name}";

    private static void Allow(IGrantable grantee, string[] actions, params string[] resources) => Grants.Allow(grantee, actions, resources);
}
