
using MlApp.Costs.Prices;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class PriceTablesTests
{
    [Fact]
    public void The_current_table_is_dated_and_names_its_source()
    {
        var table = PriceTables.Current;

        Assert.Equal("us-east-1", table.Region);
        Assert.Equal(new DateOnly(2025, 6, 1), table.TakenOn);
        Assert.Contains("AWS pricing pages", table.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Instance_types_are_found_by_name_and_know_their_family()
    {
        var instance = PriceTables.Current.Instance("g5.xlarge");

        Assert.Equal("g5", instance.Family);
        Assert.Equal(1.006m, instance.PerHour);
    }

    [Fact]
    public void Arm_fargate_is_cheaper_than_x86()
    {
        var table = PriceTables.Current;

        Assert.True(table.Fargate(CpuArchitecture.Arm64).PerTaskHour(1, 2) < table.Fargate(CpuArchitecture.X86_64).PerTaskHour(1, 2));
    }
}
