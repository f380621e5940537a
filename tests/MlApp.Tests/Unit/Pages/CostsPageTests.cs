using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Costs;
using MlApp.Costs.Prices;

namespace MlApp.Tests.Unit.Pages;

/// <summary>The costs page's footnote names its prices' source and their caveats once each.</summary>
[Trait("Category", "Unit")]
public sealed class CostsPageTests : BunitContext
{
    [Fact]
    public void The_footnote_says_free_tiers_are_not_applied_exactly_once()
    {
        Services.AddSingleton(CostModel.Estimate(CostInputs.Default));

        var page = Render<MlApp.Web.Components.Pages.Costs>();

        var footnote = page.Find("p.meta").TextContent;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(footnote, "free tiers not applied"));
        Assert.Contains(PriceTables.Current.Source, footnote, StringComparison.Ordinal);
    }
}
