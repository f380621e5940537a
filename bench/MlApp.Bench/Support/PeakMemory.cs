using System.Globalization;

namespace MlApp.Bench;

/// <summary>
/// A process's peak resident memory (VmHWM in /proc), read every few milliseconds until it exits: the kernel keeps the
/// high-water mark, so sampling only has to catch the last value before the exit. 0 where there is no /proc.
/// </summary>
internal static class PeakMemory
{
    public static async Task<double> WatchMbAsync(ChildProcess process)
    {
        var status = $"/proc/{process.Id}/status";
        long peakKb = 0;
        while (!process.Exited.IsCompleted)
        {
            try
            {
                var line = (await File.ReadAllLinesAsync(status)).FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peakKb = Math.Max(peakKb, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone between the check and the read, or no /proc here.
                break;
            }

            await Task.WhenAny(process.Exited, Task.Delay(20));
        }

        return peakKb / 1024.0;
    }
}
