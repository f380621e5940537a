namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// Makes RunTask fail on purpose, so the dispatcher's handling of Fargate's bad days can be seen locally: answers of
/// 200 with only <c>failures[]</c> (no capacity), and throttling.
/// </summary>
public sealed class RunTaskFaults
{
    /// <summary>The reason Fargate gives when it has no capacity for a task (AWS re:Post, "ecs-fargate-runtask-capacity").</summary>
    public const string CapacityUnavailable = "Capacity is unavailable at this time. Please try again later or in a different availability zone";

    private int _failuresToInject;
    private int _throttlesToInject;
    private volatile bool _failAll;

    /// <summary>While set, every RunTask starts nothing and reports one capacity failure per requested task.</summary>
    public bool FailAll
    {
        get => _failAll;
        set => _failAll = value;
    }

    /// <summary>The next <paramref name="count"/> RunTask calls report capacity failures instead of starting tasks.</summary>
    public void FailNext(int count) => Interlocked.Add(ref _failuresToInject, count);

    /// <summary>The next <paramref name="count"/> RunTask calls are throttled (400 ThrottlingException).</summary>
    public void ThrottleNext(int count) => Interlocked.Add(ref _throttlesToInject, count);

    internal bool TakeFailure() => FailAll || TakeOne(ref _failuresToInject);

    internal bool TakeThrottle() => TakeOne(ref _throttlesToInject);

    private static bool TakeOne(ref int remaining)
    {
        var seen = Volatile.Read(ref remaining);
        while (seen > 0)
        {
            var before = Interlocked.CompareExchange(ref remaining, seen - 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }
}
