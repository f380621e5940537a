using System.Collections.Concurrent;

namespace MlApp.Web.Limits;

/// <summary>The buckets of one <see cref="LimitKind"/> by partition; full ones are swept out so idle callers cost no memory.</summary>
internal sealed class BucketTable(TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep = time.GetTimestamp();

    public int Count => _buckets.Count;

    public TokenBucket Get(string partition, TokenBucketRule rule)
    {
        SweepWhenDue();
        return _buckets.GetOrAdd(partition, static (_, state) => new TokenBucket(state.rule, state.time), (rule, time));
    }

    private void SweepWhenDue()
    {
        var last = Interlocked.Read(ref _lastSweep);
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(last, now) < SweepInterval || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var entry in _buckets)
        {
            // A request that fetched this bucket a moment ago may still take from it after removal: at worst one free token.
            if (entry.Value.IsFull())
            {
                _buckets.TryRemove(entry);
            }
        }
    }
}
