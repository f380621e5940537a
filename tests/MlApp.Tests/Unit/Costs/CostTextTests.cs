using MlApp.Costs;

namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class CostTextTests
{
    [Theory]
    [InlineData("0", "$0.00")]
    [InlineData("16.425", "$16.43")]
    [InlineData("1234.5", "$1,234.50")]
    [InlineData("0.238715", "$0.239")]
    [InlineData("0.025", "$0.0250")]
    [InlineData("0.001219599", "$0.00122")]
    [InlineData("0.000016425", "$0.0000164")]
    public void Dollars_are_cents_from_a_dollar_up_and_three_significant_digits_below(string amount, string expected)
    {
        Assert.Equal(expected, CostText.Usd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Unit_prices_are_written_as_aws_lists_them()
    {
        Assert.Equal("$0.0000166667", CostText.Price(0.0000166667m));
        Assert.Equal("$0.50", CostText.Price(0.5m));
    }
}
