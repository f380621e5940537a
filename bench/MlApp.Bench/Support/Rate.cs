using System.Diagnostics;

namespace MlApp.Bench;

/// <summary>
/// Rows per second of wall-clock time and per second of CPU time. The machines are shared: another build can halve the
/// wall-clock rate of either side of a comparison, while the CPU rate says how much work the path itself does per row.
/// </summary>
internal readonly record struct Rate(double PerSecond, double PerCpuSecond)
{
    /// <summary>Starts timing work done by this process.</summary>
    public static Clock Start() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

    public static Rate Of(double count, TimeSpan elapsed, TimeSpan cpu) =>
        new(count / elapsed.TotalSeconds, cpu > TimeSpan.Zero ? count / cpu.TotalSeconds : double.NaN);

    public readonly record struct Clock(long Started, TimeSpan CpuStarted)
    {
        public Rate Stop(double count) =>
            Of(count, Stopwatch.GetElapsedTime(Started), Process.GetCurrentProcess().TotalProcessorTime - CpuStarted);
    }
}
