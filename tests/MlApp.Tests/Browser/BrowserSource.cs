using System.Diagnostics;

namespace MlApp.Tests.Browser;

/// <summary>Finds a browser the first way that works, and says what each way did when none does.</summary>
public static class BrowserSource
{
    /// <summary>A browser to launch: its executable, or null for the build Playwright installed itself.</summary>
    public sealed record Found(string? Path, string How);

    public static async Task<bool> RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(start)!;
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            await process.WaitForExitAsync(timeout.Token);
            await output;
            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return false;
        }
    }

    /// <param name="onPath">A browser already on PATH.</param>
    /// <param name="installPlaywrights">Playwright's installer; true when its browser is now in its cache.</param>
    /// <param name="installPackage">The system package manager; true when it installed (or found) the package.</param>
    /// <param name="packaged">Where the package put the browser.</param>
    public static async Task<Found> FindAsync(Func<string?> onPath, Func<bool> installPlaywrights, Func<Task<bool>> installPackage, Func<string?> packaged)
    {
        if (onPath() is { } existing)
        {
            return new(existing, "on PATH");
        }

        if (installPlaywrights())
        {
            return new(null, "Playwright's own install");
        }

        if (await installPackage() && (onPath() ?? packaged()) is { } installed)
        {
            return new(installed, "the system package");
        }

        throw new InvalidOperationException(
            "No Chromium: none on PATH, Playwright's installer could not download its own, and apt-get could not install "
            + "Debian's package (it needs root or password-less sudo). Install one yourself: apt-get install -y chromium.");
    }
}
