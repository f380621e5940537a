using System.Globalization;

namespace MlApp.Bench;

/// <summary>
/// Time the hypervisor took from this machine's vCPUs ("steal" in /proc/stat) while a measurement ran. A vCPU that is
/// stolen from runs nothing of ours, and the kernel charges that time to no process, so a rate over wall-clock time
/// falls while the work per CPU second stays the same. On these 2-vCPU machines it grows when both vCPUs are busy:
/// in one `batch` run it took 14-23% of the two vCPUs in the 2-core runs and 2-7% in the 1-core runs. Reported beside
/// each rate, so a reader can tell the code's scaling from the host's. Zero where there is no /proc/stat.
/// </summary>
internal sealed class StolenTime
{
    /// <summary>The kernel's USER_HZ: /proc/stat counts in hundredths of a second on Linux.</summary>
    private const double TicksPerSecond = 100;

    private readonly IReadOnlyDictionary<int, long> startTicks;
    private readonly long started = System.Diagnostics.Stopwatch.GetTimestamp();

    private StolenTime(IReadOnlyDictionary<int, long> startTicks) => this.startTicks = startTicks;

    public static StolenTime Start() => new(ReadTicks());

    /// <summary>
    /// The share (0 to 1) of this process's CPUs' time since <see cref="Start"/> that was stolen. They are taken to be the
    /// first <see cref="Environment.ProcessorCount"/> of the machine: all of them, or those that <c>taskset -c 0-N</c> left it.
    /// </summary>
    public double Share()
    {
        var cpus = Enumerable.Range(0, Environment.ProcessorCount).ToList();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var now = ReadTicks();
        var stolen = cpus.Sum(cpu => now.GetValueOrDefault(cpu) - startTicks.GetValueOrDefault(cpu)) / TicksPerSecond;
        return elapsed > 0 ? Math.Clamp(stolen / (elapsed * cpus.Count), 0, 1) : 0;
    }

    /// <summary>Steal ticks per CPU: the eighth number of each <c>cpuN</c> line.</summary>
    private static Dictionary<int, long> ReadTicks()
    {
        var ticks = new Dictionary<int, long>();
        try
        {
            foreach (var line in File.ReadLines("/proc/stat"))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 8 && fields[0].Length > 3 && fields[0].StartsWith("cpu", StringComparison.Ordinal)
                    && int.TryParse(fields[0].AsSpan(3), CultureInfo.InvariantCulture, out var cpu))
                {
                    ticks[cpu] = long.Parse(fields[8], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc here: nothing was stolen that this can see.
        }

        return ticks;
    }
}
