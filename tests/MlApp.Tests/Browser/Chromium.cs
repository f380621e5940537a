using Microsoft.Playwright;

namespace MlApp.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Playwright: Playwright can't download its own browsers here, so the tests use
/// the system package (<c>apt-get install chromium</c>, which <c>.ci/run</c> does) or a runner's Chrome, found on PATH.
/// </summary>
public static class Chromium
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindOnPath(),
            Args = Flags,
            Headless = true,
            Timeout = 30_000,
        });
        return (playwright, browser);
    }

    private static string FindOnPath()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories
            .SelectMany(directory => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("No chromium on PATH. Install Debian's package: apt-get install -y chromium.");
    }
}
