namespace MlApp.Costs.Prices;

/// <summary>Lambda rates for x86 functions, on demand and with provisioned concurrency.</summary>
/// <param name="PerMillionRequests">Every invocation, on demand or provisioned.</param>
/// <param name="PerGbSecond">Duration of on-demand invocations.</param>
/// <param name="ProvisionedPerGbSecond">Keeping provisioned instances warm, used or not.</param>
/// <param name="ProvisionedDurationPerGbSecond">Duration of invocations served by provisioned instances (cheaper than on demand).</param>
public sealed record LambdaPrices(
    decimal PerMillionRequests,
    decimal PerGbSecond,
    decimal ProvisionedPerGbSecond,
    decimal ProvisionedDurationPerGbSecond);
