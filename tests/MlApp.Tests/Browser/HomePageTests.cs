using Microsoft.Playwright;
using MlApp.Tests.EndToEnd;

namespace MlApp.Tests.Browser;

/// <summary>A visitor predicts from the home page in a real browser, against the running system.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HomePageTests(AppHostFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Filling_the_example_and_predicting_shows_the_species_its_scores_and_the_round_trip()
    {
        var page = await browser.NewVisitorAsync(app);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fill example" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("prediction")).ToHaveTextAsync("Adelie");
        await Assertions.Expect(page.Locator(".scores li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("round-trip")).ToContainTextAsync("ms");
        Assert.Equal("Torgersen", await page.GetByLabel("Island").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "home-prediction");
    }

    [Fact]
    public async Task A_value_out_of_range_is_explained_next_to_its_field()
    {
        var page = await browser.NewVisitorAsync(app);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fill example" }).ClickAsync();
        await page.GetByLabel("Bill depth (mm)").FillAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Predict" }).ClickAsync();

        await Assertions.Expect(page.Locator("#input-bill_depth_mm-error")).ToContainTextAsync("outside the allowed range 12 to 22.5 mm");
        await Assertions.Expect(page.GetByLabel("Bill depth (mm)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByTestId("prediction")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "home-validation");
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_screen_and_links_the_api_docs()
    {
        var page = await browser.NewVisitorAsync(app, width: 375, height: 740);

        await page.GotoAsync("/");
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 375, $"the page is {pageWidth} px wide on a 375 px screen");
        await BrowserFixture.ScreenshotAsync(page, "home-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "API docs" }).ClickAsync();
        await Assertions.Expect(page.GetByText("/api/predict").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "api-docs");
    }
}
