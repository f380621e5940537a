using System.Runtime.InteropServices;

namespace MlApp.Bench;

/// <summary>
/// CPU time of this process's children that have exited (getrusage RUSAGE_CHILDREN): a process's own counters are gone
/// once it has exited, so this is how the bench learns what the worker processes used. Zero where there is no libc.
/// </summary>
internal static class ChildrenCpu
{
    private const int Children = -1;

    public static TimeSpan Exited()
    {
        try
        {
            return GetResourceUsage(Children, out var usage) == 0 ? usage.User.Time + usage.System.Time : TimeSpan.Zero;
        }
        catch (DllNotFoundException)
        {
            return TimeSpan.Zero;
        }
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;

        public readonly TimeSpan Time => TimeSpan.FromSeconds(Seconds) + TimeSpan.FromMicroseconds(Microseconds);
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs the bench does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue User;
        public TimeValue System;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }
}
