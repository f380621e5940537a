namespace MlApp.Costs.Prices;

/// <summary>One region's on-demand list prices, dated and with their source, so an estimate can say what it rests on.</summary>
public sealed record PriceTable
{
    public required string Region { get; init; }

    /// <summary>When the prices were read; AWS changes them rarely, but it does (DynamoDB on demand halved on 2024-11-01).</summary>
    public required DateOnly TakenOn { get; init; }

    public required string Source { get; init; }

    public required FargatePrices FargateX86 { get; init; }

    public required FargatePrices FargateArm { get; init; }

    public required LoadBalancerPrices LoadBalancer { get; init; }

    public required LambdaPrices Lambda { get; init; }

    public required DynamoDbPrices DynamoDb { get; init; }

    public required S3Prices S3 { get; init; }

    public required LogPrices Logs { get; init; }

    public required decimal EcrPerGbMonth { get; init; }

    /// <summary>Every public IPv4 address, in use or not, since 2024-02-01: tasks in public subnets and each ALB node hold one.</summary>
    public required decimal PublicIpv4PerHour { get; init; }

    /// <summary>EC2 instances for the GPU batch option and for the one-big-VM comparison.</summary>
    public required IReadOnlyList<InstancePrice> Instances { get; init; }

    public FargatePrices Fargate(CpuArchitecture cpu) => cpu == CpuArchitecture.Arm64 ? FargateArm : FargateX86;

    public InstancePrice Instance(string type) =>
        Instances.FirstOrDefault(i => i.Type == type)
        ?? throw new ArgumentException($"The {TakenOn:yyyy-MM-dd} price table has no instance type '{type}'.", nameof(type));
}
