namespace MlApp.Costs;

/// <summary>The units AWS bills in, so every estimate converts the same way.</summary>
public static class BillingUnits
{
    /// <summary>AWS's own month in its calculators and pricing examples (8,760 hours / 12).</summary>
    public const decimal HoursPerMonth = 730m;

    public const decimal DaysPerMonth = HoursPerMonth / 24m;

    public const decimal SecondsPerHour = 3600m;

    /// <summary>Lambda memory and CloudWatch volumes count 1 GB as 1,024 MB.</summary>
    public const decimal MbPerGb = 1024m;

    public const decimal BytesPerGb = 1024m * 1024m * 1024m;

    /// <summary>Fargate and Linux EC2 bill per second with a one-minute minimum.</summary>
    public static readonly TimeSpan MinimumBilledRun = TimeSpan.FromMinutes(1);
}
