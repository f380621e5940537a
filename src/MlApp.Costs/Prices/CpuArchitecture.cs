namespace MlApp.Costs.Prices;

/// <summary>The CPU architecture Fargate tasks run on; Arm (Graviton) is about 20% cheaper.</summary>
public enum CpuArchitecture
{
    X86_64,
    Arm64,
}
