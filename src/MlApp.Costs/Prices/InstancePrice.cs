namespace MlApp.Costs.Prices;

/// <summary>An EC2 instance type's size and its Linux on-demand hourly rate.</summary>
public sealed record InstancePrice(string Type, decimal Vcpus, decimal MemoryGb, decimal PerHour)
{
    /// <summary>The family part of the type name: "m5" for "m5.2xlarge".</summary>
    public string Family => Type.Split('.')[0];

    public bool Fits(decimal vcpus, decimal memoryGb) => Vcpus >= vcpus && MemoryGb >= memoryGb;
}
