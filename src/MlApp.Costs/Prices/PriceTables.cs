namespace MlApp.Costs.Prices;

/// <summary>The price tables the model knows. Add a new one (don't edit an old one) when AWS changes a price.</summary>
public static class PriceTables
{
    /// <summary>
    /// us-east-1 on-demand list prices as published on the AWS pricing pages in June 2025 (unchanged since the
    /// DynamoDB on-demand cut of 2024-11-01). Page per service: aws.amazon.com/{fargate, elasticloadbalancing,
    /// lambda, dynamodb, s3, cloudwatch, ecr, ec2}/pricing, and aws.amazon.com/vpc/pricing for public IPv4.
    /// </summary>
    public static PriceTable UsEast1June2025 { get; } = new()
    {
        Region = "us-east-1",
        TakenOn = new DateOnly(2025, 6, 1),
        Source = "AWS pricing pages (aws.amazon.com/<service>/pricing); free tiers not applied",
        FargateX86 = new(PerVcpuHour: 0.04048m, PerGbHour: 0.004445m),
        FargateArm = new(PerVcpuHour: 0.03238m, PerGbHour: 0.00356m),
        LoadBalancer = new(PerHour: 0.0225m, PerLcuHour: 0.008m),
        Lambda = new(
            PerMillionRequests: 0.20m,
            PerGbSecond: 0.0000166667m,
            ProvisionedPerGbSecond: 0.0000041667m,
            ProvisionedDurationPerGbSecond: 0.0000097222m),
        DynamoDb = new(PerMillionWriteUnits: 0.625m, PerMillionReadUnits: 0.125m, PerGbMonth: 0.25m),
        S3 = new(PerGbMonth: 0.023m, PerThousandPuts: 0.005m, PerThousandGets: 0.0004m),
        Logs = new(PerGbIngested: 0.50m, PerGbMonth: 0.03m),
        EcrPerGbMonth = 0.10m,
        PublicIpv4PerHour = 0.005m,
        Instances =
        [
            new("m5.xlarge", Vcpus: 4, MemoryGb: 16, PerHour: 0.192m),
            new("m5.2xlarge", Vcpus: 8, MemoryGb: 32, PerHour: 0.384m),
            new("m5.4xlarge", Vcpus: 16, MemoryGb: 64, PerHour: 0.768m),
            new("m5.8xlarge", Vcpus: 32, MemoryGb: 128, PerHour: 1.536m),
            new("g5.xlarge", Vcpus: 4, MemoryGb: 16, PerHour: 1.006m),
            new("g5.2xlarge", Vcpus: 8, MemoryGb: 32, PerHour: 1.212m),
            new("g5.4xlarge", Vcpus: 16, MemoryGb: 64, PerHour: 1.624m),
            new("g5.8xlarge", Vcpus: 32, MemoryGb: 128, PerHour: 2.448m),
        ],
    };

    /// <summary>The newest table: what estimates use unless told otherwise.</summary>
    public static PriceTable Current => UsEast1June2025;
}
