namespace MlApp.Jobs;

/// <summary>Attribute and index names of the job table, shared by the store, local provisioning and the CDK stack.</summary>
public static class JobAttributes
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string Status = "status";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string InputKey = "inputKey";
    public const string ResultKey = "resultKey";
    public const string RowsTotal = "rowsTotal";
    public const string RowsDone = "rowsDone";
    public const string Attempts = "attempts";
    public const string LeaseOwner = "leaseOwner";
    public const string LeaseExpiresAt = "leaseExpiresAt";
    public const string LastError = "lastError";
    public const string TraceParent = "traceparent";
    public const string IdempotencyKey = "idempotencyKey";
    public const string RequestFingerprint = "requestFingerprint";
    public const string ModelVersion = "modelVersion";
    public const string FinishedAt = "finishedAt";

    /// <summary>When the latest claim started running the job: with finishedAt, how long its task worked on it.</summary>
    public const string StartedAt = "startedAt";

    /// <summary>The device the model ran the job on, written with its success.</summary>
    public const string Device = "device";

    /// <summary>Epoch seconds after which DynamoDB's TTL deletes a finished job.</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Present only while a job is not terminal: which queue shard it sits in.</summary>
    public const string QueueShard = "queueShard";

    /// <summary>Epoch milliseconds when the job may next be claimed: its retry time when queued, its lease end when running.</summary>
    public const string DueAt = "dueAt";

    public const string QueueIndex = "queue";
    public const string CreatedIndex = "by-created";
}
