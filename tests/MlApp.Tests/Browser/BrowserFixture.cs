using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MlApp.Tests.EndToEnd;
using MlApp.Tests.Support;

namespace MlApp.Tests.Browser;

/// <summary>One browser for the browser tests, pointed at the running AppHost's web (both replicas, behind Aspire's proxy).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string ScreenshotFolder = RepositoryRoot.Combine("TestResults", "screenshots");

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Chromium.LaunchAsync();
        // Pages answer in well under a second here; a batch job's wait passes its own, longer timeout.
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh visitor: its own cookies, so its own owner id and jobs.</summary>
    public async Task<IPage> NewVisitorAsync(AppHostFixture app, int width = 1280, int height = 900)
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.App.GetEndpoint("web", "http").ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout((float)AppHostFixture.WaitTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
