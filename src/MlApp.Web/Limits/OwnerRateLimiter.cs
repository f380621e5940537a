using Microsoft.Extensions.Options;
using MlApp.Web.Owners;

namespace MlApp.Web.Limits;

/// <summary>
/// Per-owner rate limits, shared by the JSON API (<see cref="OwnerRateLimitFilter"/>) and the pages' form handlers.
/// A request with an owner (API key, cookie, later a sign-in) spends from that owner's bucket; an anonymous owner also
/// spends from its client address's larger bucket; a request with no owner spends from the address bucket only.
/// </summary>
public sealed class OwnerRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;
    private readonly BucketTable _predictions = new(time);
    private readonly BucketTable _submissions = new(time);

    /// <summary>Spends one <paramref name="kind"/> for the caller of <paramref name="context"/>, or says how long to wait.</summary>
    public RateLimitDecision TryAcquire(HttpContext context, LimitKind kind) =>
        TryAcquire(kind, context.FindOwnerId(), ClientAddress.PartitionOf(context.Connection.RemoteIpAddress));

    /// <param name="ownerId">The caller's owner id, or null when the request carries none.</param>
    /// <param name="addressPartition">From <see cref="ClientAddress.PartitionOf"/>.</param>
    public RateLimitDecision TryAcquire(LimitKind kind, string? ownerId, string addressPartition)
    {
        var table = kind == LimitKind.Prediction ? _predictions : _submissions;
        var rule = _options.For(kind);

        TokenBucket? ownerBucket = null;
        if (ownerId is not null)
        {
            ownerBucket = table.Get("owner:" + ownerId, rule);
            var ownerWait = ownerBucket.TryTake();
            if (ownerWait > TimeSpan.Zero)
            {
                return RateLimitDecision.Wait(ownerWait);
            }

            if (!OwnerIds.IsAnonymous(ownerId))
            {
                return RateLimitDecision.Allowed;
            }
        }

        var addressWait = table.Get("address:" + addressPartition, rule.Times(_options.AddressFactor)).TryTake();
        if (addressWait > TimeSpan.Zero)
        {
            ownerBucket?.Return();
            return RateLimitDecision.Wait(addressWait);
        }

        return RateLimitDecision.Allowed;
    }

    /// <summary>Owners and addresses with a bucket that isn't full: what the limiter holds in memory.</summary>
    public int TrackedPartitions(LimitKind kind) => (kind == LimitKind.Prediction ? _predictions : _submissions).Count;
}
