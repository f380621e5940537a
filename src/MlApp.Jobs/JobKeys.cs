using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MlApp.Jobs;

/// <summary>
/// Every name a job has: its table keys, its S3 keys and its queue shard. Ids are checked here, once,
/// because they end up inside S3 keys and key conditions.
/// </summary>
public static partial class JobKeys
{
    private const string OwnerPrefix = "OWNER#";
    private const string JobPrefix = "JOB#";
    private const string ShardPrefix = "Q#";

    public static string PartitionKey(string ownerId) => OwnerPrefix + RequireOwnerId(ownerId);

    public static string SortKey(string jobId) => JobPrefix + RequireJobId(jobId);

    public static string InputKey(string ownerId, string jobId) => $"inputs/{RequireOwnerId(ownerId)}/{RequireJobId(jobId)}.csv";

    /// <summary>
    /// Where one upload for a job is stored. Each upload gets its own object, so two racing uploads that carry the same
    /// idempotency key never overwrite each other's input: the one whose job is created wins, the other is deleted.
    /// </summary>
    public static string UploadKey(string ownerId, string jobId, Guid uploadId) =>
        $"inputs/{RequireOwnerId(ownerId)}/{RequireJobId(jobId)}/{uploadId:N}.csv";

    /// <summary>Deterministic, so a replayed job overwrites its own result instead of leaving a second one.</summary>
    public static string ResultKey(string ownerId, string jobId) => $"results/{RequireOwnerId(ownerId)}/{RequireJobId(jobId)}.csv";

    public static string OwnerIdFrom(string partitionKey) => partitionKey[OwnerPrefix.Length..];

    public static string JobIdFrom(string sortKey) => sortKey[JobPrefix.Length..];

    /// <summary>A stable shard (not <see cref="string.GetHashCode()"/>, which differs per process).</summary>
    public static string QueueShard(string jobId, int shardCount)
    {
        var hash = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(jobId)));
        return ShardPrefix + (hash % (uint)shardCount);
    }

    public static IEnumerable<string> AllQueueShards(int shardCount) =>
        Enumerable.Range(0, shardCount).Select(shard => ShardPrefix + shard);

    /// <summary>
    /// A new job id: time-ordered when there is no idempotency key; derived from owner and key when there is,
    /// so every retry of one upload names the same job and the conditional create lets only one through.
    /// </summary>
    public static string NewJobId(string ownerId, string? idempotencyKey, TimeProvider time)
    {
        if (idempotencyKey is null)
        {
            return Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{RequireOwnerId(ownerId)}\n{idempotencyKey}"));
        return Convert.ToHexStringLower(digest, 0, 16);
    }

    public static bool IsValidOwnerId(string? ownerId) => ownerId is not null && OwnerIdPattern().IsMatch(ownerId);

    public static bool IsValidJobId(string? jobId) => jobId is not null && JobIdPattern().IsMatch(jobId);

    public static string RequireOwnerId(string ownerId) => IsValidOwnerId(ownerId)
        ? ownerId
        : throw new ArgumentException("An owner id is 1 to 64 letters, digits, '-' or '_'.", nameof(ownerId));

    public static string RequireJobId(string jobId) => IsValidJobId(jobId)
        ? jobId
        : throw new ArgumentException("A job id is 32 lower-case hexadecimal characters.", nameof(jobId));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex OwnerIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex JobIdPattern();
}
