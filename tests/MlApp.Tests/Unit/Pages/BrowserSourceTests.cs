using MlApp.Tests.Browser;

namespace MlApp.Tests.Unit.Pages;

/// <summary>The browser tests get their browser themselves: the first way that works, in a fixed order.</summary>
[Trait("Category", "Unit")]
public sealed class BrowserSourceTests
{
    private readonly List<string> _tried = [];

    [Fact]
    public async Task A_browser_on_path_is_used_and_nothing_is_installed()
    {
        var found = await FindAsync(onPath: "/opt/chrome/google-chrome", playwright: true, package: true);

        Assert.Equal(new BrowserSource.Found("/opt/chrome/google-chrome", "on PATH"), found);
        Assert.Equal(["path"], _tried);
    }

    [Fact]
    public async Task Without_one_on_path_playwrights_own_install_comes_first()
    {
        var found = await FindAsync(onPath: null, playwright: true, package: true);

        Assert.Equal(new BrowserSource.Found(null, "Playwright's own install"), found);
        Assert.Equal(["path", "playwright"], _tried);
    }

    [Fact]
    public async Task Where_playwright_cannot_download_the_system_package_is_installed_and_found_where_it_goes()
    {
        var found = await FindAsync(onPath: null, playwright: false, package: true, packaged: "/usr/bin/chromium");

        Assert.Equal(new BrowserSource.Found("/usr/bin/chromium", "the system package"), found);
        Assert.Equal(["path", "playwright", "package", "path", "packaged"], _tried);
    }

    [Fact]
    public async Task When_every_way_fails_the_error_says_what_was_tried_and_the_one_step_to_take()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FindAsync(onPath: null, playwright: false, package: false));

        Assert.Contains("none on PATH", error.Message);
        Assert.Contains("apt-get install -y chromium", error.Message);
    }

    private Task<BrowserSource.Found> FindAsync(string? onPath, bool playwright, bool package, string? packaged = null) =>
        BrowserSource.FindAsync(
            () => Tried("path", onPath),
            () => Tried("playwright", playwright),
            () => Task.FromResult(Tried("package", package)),
            () => Tried("packaged", packaged));

    private T Tried<T>(string step, T result)
    {
        _tried.Add(step);
        return result;
    }
}
