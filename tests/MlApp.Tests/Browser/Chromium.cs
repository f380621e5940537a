using Microsoft.Playwright;

namespace MlApp.Tests.Browser;

/// <summary>
/// A headless Chromium driven by Playwright, which the browser tests get by themselves, so the README's test command
/// needs no browser installed first. In order: a chromium or chrome on PATH (a CI runner's, a developer's); Playwright's
/// own build, downloaded by its installer where the machine can reach Playwright's CDN; Debian's package through
/// apt-get (as root, or with password-less sudo) where it can't.
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>Where Debian's package puts the browser, for when it is installed but PATH doesn't name that folder.</summary>
    private const string DebianExecutable = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    // Once per test run: an install is slow, and two at once would fight over the package manager's lock.
    private static readonly Lazy<Task<BrowserSource.Found>> Source = new(() =>
        BrowserSource.FindAsync(FindOnPath, InstallPlaywrightsOwn, InstallDebianPackageAsync, () => File.Exists(DebianExecutable) ? DebianExecutable : null));

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = await Source.Value;
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Null: the build Playwright's installer put in its own cache.
            ExecutablePath = executable.Path,
            Args = Flags,
            Headless = true,
            Timeout = 30_000,
        });
        return (playwright, browser);
    }

    private static string? FindOnPath() => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
        .FirstOrDefault(File.Exists);

    private static bool InstallPlaywrightsOwn() => Microsoft.Playwright.Program.Main(["install", "chromium"]) == 0;

    private static async Task<bool> InstallDebianPackageAsync()
    {
        if (!File.Exists("/usr/bin/apt-get"))
        {
            return false;
        }

        string[] asRoot = Environment.UserName == "root" ? [] : ["sudo", "-n"];
        if (asRoot.Length > 0 && !await BrowserSource.RunAsync(["sudo", "-n", "true"]))
        {
            return false;
        }

        // Waits for a dpkg lock that another install holds, instead of failing at once.
        return await BrowserSource.RunAsync([.. asRoot, "/usr/bin/apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-qq"])
            && await BrowserSource.RunAsync([.. asRoot, "/usr/bin/apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", "chromium"]);
    }
}
