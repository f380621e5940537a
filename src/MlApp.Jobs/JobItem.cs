using System.Globalization;
using Amazon.DynamoDBv2.Model;
using static MlApp.Jobs.JobAttributes;

namespace MlApp.Jobs;

/// <summary>Converts between <see cref="Job"/> and its DynamoDB item, and the attribute values the queue's updates use.</summary>
internal static class JobItem
{
    public static Dictionary<string, AttributeValue> Key(string ownerId, string jobId) => new()
    {
        [PartitionKey] = S(JobKeys.PartitionKey(ownerId)),
        [JobAttributes.SortKey] = S(JobKeys.SortKey(jobId)),
    };

    public static Dictionary<string, AttributeValue> ToItem(Job job, string queueShard)
    {
        var item = Key(job.OwnerId, job.JobId);
        item[Status] = S(job.Status.ToStored());
        item[CreatedAt] = Time(job.CreatedAt);
        item[UpdatedAt] = Time(job.UpdatedAt);
        item[InputKey] = S(job.InputKey);
        item[RowsDone] = N(job.RowsDone);
        item[Attempts] = N(job.Attempts);
        item[QueueShard] = S(queueShard);
        AddIfPresent(item, DueAt, job.DueAt is { } dueAt ? EpochMs(dueAt) : null);
        AddIfPresent(item, RowsTotal, job.RowsTotal is { } rows ? N(rows) : null);
        AddIfPresent(item, TraceParent, job.TraceParent);
        AddIfPresent(item, JobAttributes.IdempotencyKey, job.IdempotencyKey);
        AddIfPresent(item, JobAttributes.RequestFingerprint, job.RequestFingerprint);
        AddIfPresent(item, JobAttributes.ModelVersion, job.ModelVersion);
        return item;
    }

    public static Job FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new()
    {
        OwnerId = JobKeys.OwnerIdFrom(item[PartitionKey].S),
        JobId = JobKeys.JobIdFrom(item[JobAttributes.SortKey].S),
        Status = JobStatusExtensions.ParseStored(item[Status].S),
        CreatedAt = ReadTime(item[CreatedAt]),
        UpdatedAt = ReadTime(item[UpdatedAt]),
        InputKey = item[InputKey].S,
        ResultKey = item.GetValueOrDefault(ResultKey)?.S,
        RowsTotal = ReadLong(item, RowsTotal),
        RowsDone = ReadLong(item, RowsDone) ?? 0,
        Attempts = (int)(ReadLong(item, Attempts) ?? 0),
        LeaseOwner = item.GetValueOrDefault(LeaseOwner)?.S,
        LeaseExpiresAt = ReadEpochMs(item, LeaseExpiresAt),
        DueAt = ReadEpochMs(item, DueAt),
        LastError = item.GetValueOrDefault(LastError)?.S,
        TraceParent = item.GetValueOrDefault(TraceParent)?.S,
        IdempotencyKey = item.GetValueOrDefault(JobAttributes.IdempotencyKey)?.S,
        RequestFingerprint = item.GetValueOrDefault(JobAttributes.RequestFingerprint)?.S,
        ModelVersion = item.GetValueOrDefault(JobAttributes.ModelVersion)?.S,
        FinishedAt = item.TryGetValue(FinishedAt, out var finished) ? ReadTime(finished) : null,
        StartedAt = item.TryGetValue(StartedAt, out var started) ? ReadTime(started) : null,
        Device = item.GetValueOrDefault(JobAttributes.Device)?.S,
    };

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Human-readable in the console and sortable as text: a fixed-width UTC ISO-8601 string.</summary>
    public static AttributeValue Time(DateTimeOffset value) =>
        S(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Numbers where the queue compares and adds times.</summary>
    public static AttributeValue EpochMs(DateTimeOffset value) => N(value.ToUnixTimeMilliseconds());

    public static AttributeValue EpochSeconds(DateTimeOffset value) => N(value.ToUnixTimeSeconds());

    private static DateTimeOffset ReadTime(AttributeValue value) =>
        DateTimeOffset.Parse(value.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static long? ReadLong(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? long.Parse(value.N, CultureInfo.InvariantCulture) : null;

    internal static DateTimeOffset? ReadEpochMs(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        ReadLong(item, name) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, AttributeValue? value)
    {
        if (value is not null)
        {
            item[name] = value;
        }
    }
}
