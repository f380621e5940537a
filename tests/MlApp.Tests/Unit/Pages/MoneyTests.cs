using MlApp.Web.Components.Shared;

namespace MlApp.Tests.Unit.Pages;

[Trait("Category", "Unit")]
public sealed class MoneyTests
{
    [Theory]
    [InlineData("42.6391", "$42.64")]
    [InlineData("1234.5", "$1,234.50")]
    [InlineData("0.239", "$0.239")]
    [InlineData("0.00122", "$0.001220")]
    [InlineData("0", "$0")]
    public void Bills_show_cents_and_per_use_costs_show_the_fractions_of_a_cent(string amount, string shown) =>
        Assert.Equal(shown, Money.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
