namespace MlApp.Bench;

/// <summary>
/// Rate limits far above what a benchmark sends from its one loopback address: a scenario measures the path, not the
/// limiter, and says so when it starts.
/// </summary>
internal static class BenchRateLimits
{
    public static readonly IReadOnlyDictionary<string, string?> Generous = new Dictionary<string, string?>
    {
        ["RateLimits__PredictionsPerMinute"] = "1000000",
        ["RateLimits__PredictionBurst"] = "1000000",
        ["RateLimits__SubmissionsPerMinute"] = "100000",
        ["RateLimits__SubmissionBurst"] = "100000",
        ["RateLimits__AddressFactor"] = "1000",
    };
}
