using System.Runtime.InteropServices;

namespace MlApp.Tests.Support;

/// <summary>
/// Signals for fault injection, sent to a process by id: what the OOM killer or a Spot reclaim does (KILL), what ECS
/// StopTask does (TERM), and a process that stops answering while keeping its sockets open (STOP, then CONT).
/// </summary>
internal static class UnixSignals
{
    public const int Kill = 9;
    public const int Terminate = 15;
    public const int Continue = 18;
    public const int Stop = 19;

    public static void Send(int processId, int signal)
    {
        if (SendSignal(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
