using System.ComponentModel;
using System.Diagnostics;

namespace MlApp.Hosting.LocalAws;

/// <summary>Asks the container CLI whether an engine answers: a container resource without one fails on its own, late and quietly.</summary>
public static class ContainerRuntimeProbe
{
    // `docker info` fails in ~20 ms without an engine and answers in well under a second with one;
    // the cap only guards against a wedged engine holding up every start.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Runs <c>{runtime} info</c> and reports whether it succeeded, with a reason a person can read.</summary>
    public static (bool IsHealthy, string Reason) Check(string runtime)
    {
        var stopwatch = Stopwatch.StartNew();
        var startInfo = new ProcessStartInfo(runtime, ["info"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(startInfo)!;
            // Drain and drop both pipes: the output is not needed, and a full pipe buffer would block `info`.
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return (false, $"'{runtime} info' did not answer within {Timeout.TotalSeconds:0} s");
            }

            return process.ExitCode == 0
                ? (true, $"'{runtime} info' succeeded in {stopwatch.ElapsedMilliseconds} ms")
                : (false, $"'{runtime} info' exited with {process.ExitCode} in {stopwatch.ElapsedMilliseconds} ms (no engine running)");
        }
        catch (Win32Exception)
        {
            return (false, $"no '{runtime}' command on PATH");
        }
    }
}
