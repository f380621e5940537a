using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MlApp.Web.Security.KeyRing;

/// <summary>
/// The data-protection key ring as XML objects under <see cref="Prefix"/> in the job bucket, one object per key or
/// revocation, so every web replica reads and writes the same ring.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous, so the S3 calls block. That is acceptable: the ring is read at start
/// (see <see cref="KeyRingWarmup"/>), then refreshed about once a day in the background.
/// </remarks>
public sealed partial class S3XmlRepository(IAmazonS3 s3, string bucket, TimeSpan keySettleDelay, TimeProvider time, ILogger<S3XmlRepository> logger)
    : IXmlRepository
{
    public const string Prefix = "dataprotection/keys/";

    public string Location => $"s3://{bucket}/{Prefix}";

    public IReadOnlyCollection<XElement> GetAllElements() => ReadAllAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAllAsync()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(entry => entry.Key).Where(key => key.EndsWith(".xml", StringComparison.Ordinal)));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        // A ring holds a handful of keys (one per 90 days) and revocations; reading them side by side keeps a start quick.
        return await Task.WhenAll(keys.Select(ReadAsync));
    }

    private async Task<XElement> ReadAsync(string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        return await XElement.LoadAsync(response.ResponseStream, LoadOptions.None, CancellationToken.None);
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        // No encryption here: the bucket is private and encrypted at rest (SSE), and the bucket default applies to
        // these objects too. See KeyRingExtensions for why the keys carry no extra layer.
        var key = Prefix + ObjectName(friendlyName) + ".xml";
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentBody = element.ToString(SaveOptions.DisableFormatting),
            ContentType = "application/xml",
        });

        if (element.Name.LocalName == "key")
        {
            LogKeyStored(key, keySettleDelay);
            // The key manager reads the whole ring again right after this returns and picks the default key from what
            // it finds, by a rule that gives every replica the same answer for the same set of keys. Waiting here
            // lets a replica racing us on an empty ring land its own key first, so that both see both; otherwise one
            // could keep its own key while the other picks the racer's, and after the framework's two-minute grace for
            // unknown keys, cookies from one would fail on the other until the daily refresh.
            await Task.Delay(keySettleDelay, time);
        }
    }

    /// <summary>The key manager's names (<c>key-{guid}</c>, <c>revocation-{date}</c>) are safe already; anything else becomes a fresh id.</summary>
    private static string ObjectName(string friendlyName) =>
        friendlyName is { Length: > 0 and <= 200 } && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? friendlyName
            : Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored data-protection key {ObjectKey}; waiting {SettleDelay} for replicas that may be writing one too")]
    private partial void LogKeyStored(string objectKey, TimeSpan settleDelay);
}
