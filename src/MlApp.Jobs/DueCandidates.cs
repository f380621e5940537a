using System.Diagnostics.CodeAnalysis;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MlApp.Jobs;

/// <summary>
/// A worker's memory of its last look at the queue index: the due candidates of every shard. A look costs one query per
/// shard, so claims work through what it found instead of looking again for each job. That keeps the queue's order:
/// a job that becomes due after a look (a new one, a retry, a lapsed lease) is due later than everything the look found.
/// The first claim after a look takes the oldest candidate; later ones take a random one, so workers that looked at the
/// same moment spread over the list instead of all racing for the same oldest job.
/// </summary>
internal sealed class DueCandidates(IAmazonDynamoDB dynamo, JobsOptions options, Random random)
{
    /// <summary>Per shard and look: enough to feed many claims, few enough that a page stays small (keys, due time, status, attempts).</summary>
    private const int PerShard = 100;

    private readonly Lock _gate = new();
    private readonly List<QueueCandidate> _remembered = [];
    private bool _justLooked;

    /// <summary>Forgets what the last look found and remembers what the index says is due at <paramref name="nowMs"/>.</summary>
    public async Task LookAsync(AttributeValue nowMs, CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(JobKeys.AllQueueShards(options.QueueShards).Select(shard => QueryShardAsync(shard, nowMs, cancellationToken)));
        // A shard that filled its page holds more beyond it, possibly older than the rest of what other shards returned:
        // the list ends where the earliest full page ends, so it holds no job newer than one it missed.
        var horizon = pages.Where(page => page.Full).Select(page => page.Candidates[^1].DueAtMs).DefaultIfEmpty(long.MaxValue).Min();
        var found = pages.SelectMany(page => page.Candidates).Where(candidate => candidate.DueAtMs <= horizon).OrderBy(candidate => candidate.DueAtMs);
        lock (_gate)
        {
            _remembered.Clear();
            _remembered.AddRange(found);
            _justLooked = true;
        }
    }

    /// <summary>Takes a remembered candidate out of the list: the oldest right after a look, a random one after that.</summary>
    public bool TryTake([NotNullWhen(true)] out QueueCandidate? candidate)
    {
        lock (_gate)
        {
            candidate = null;
            if (_remembered.Count == 0)
            {
                return false;
            }

            var index = _justLooked ? 0 : random.Next(_remembered.Count);
            _justLooked = false;
            candidate = _remembered[index];
            // Order matters only for the first take after a look, so the last candidate fills the gap.
            _remembered[index] = _remembered[^1];
            _remembered.RemoveAt(_remembered.Count - 1);
            return true;
        }
    }

    /// <summary>The list is stale (another worker took a job on it): the next take needs a new look.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _remembered.Clear();
        }
    }

    private async Task<(IReadOnlyList<QueueCandidate> Candidates, bool Full)> QueryShardAsync(string shard, AttributeValue nowMs, CancellationToken cancellationToken)
    {
        var request = QueueIndexQuery.DueInShard(options.TableName, shard, nowMs);
        request.Limit = PerShard;
        var response = await dynamo.QueryAsync(request, cancellationToken);
        var candidates = (response.Items ?? []).Select(item => QueueCandidate.From(item, options.MaxAttempts)).ToList();
        return (candidates, candidates.Count > 0 && response.LastEvaluatedKey is { Count: > 0 });
    }
}
