using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MlApp.Tests.Support;

/// <summary>
/// One embedded stand-in (<c>node dynamodb.mjs</c> or <c>node s3.mjs</c>) on a port the OS picks, the same scripts the
/// AppHost runs. Its URL is read from the line it prints once it listens.
/// </summary>
public sealed partial class StandInProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private StandInProcess(Process process, Uri url, TimeSpan startTime)
    {
        _process = process;
        Url = url;
        StartTime = startTime;
    }

    public Uri Url { get; }

    /// <summary>From process start to listening, for the notes and the benchmarks.</summary>
    public TimeSpan StartTime { get; }

    public int ProcessId => _process.Id;

    public static async Task<StandInProcess> StartAsync(string script)
    {
        var started = Stopwatch.StartNew();
        var process = Process.Start(new ProcessStartInfo("node", [script, "0"])
        {
            WorkingDirectory = RepositoryRoot.Combine("src", "MlApp.Hosting.LocalAws", "standins"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"node {script} did not start.");

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var match = line is null ? null : ListeningLine().Match(line);
            if (match is not { Success: true })
            {
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
                throw new InvalidOperationException($"node {script} printed '{line}' instead of its URL. stderr: {error}");
            }

            return new StandInProcess(process, new Uri(match.Groups["url"].Value), started.Elapsed);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
