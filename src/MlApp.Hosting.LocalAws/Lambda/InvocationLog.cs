using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// One invocation's log as Lambda writes it to CloudWatch: <c>START</c>, the function's own lines, <c>END</c> and the
/// <c>REPORT</c> line with its duration. <c>LogType: Tail</c> returns the last 4 KB of it.
/// </summary>
/// <remarks>
/// The emulator sees only the lines of the function that carry the invocation's request id (the runtime loop logs in a
/// scope with it), where Lambda captures the whole stdout of the sandbox. The REPORT line has no "Max Memory Used": a
/// local instance is a process with no memory limit to report against.
/// </remarks>
internal sealed class InvocationLog(string requestId, int memorySizeMb)
{
    /// <summary>What Lambda returns in <c>X-Amz-Log-Result</c>: the last 4 KB of the log.</summary>
    public const int TailBytes = 4 * 1024;

    private readonly StringBuilder _text = new();
    private long? _startedAt;
    private long? _endedAt;

    public string RequestId { get; } = requestId;

    /// <summary>An instance has been handed the invocation.</summary>
    public void Started()
    {
        lock (_text)
        {
            if (_startedAt is not null)
            {
                return; // handed out again after a failed delivery: still the same invocation
            }

            _startedAt = Stopwatch.GetTimestamp();
            _text.Append(CultureInfo.InvariantCulture, $"START RequestId: {RequestId} Version: $LATEST\n");
        }
    }

    public void Append(string line)
    {
        lock (_text)
        {
            _text.Append(line.TrimEnd('\r', '\n')).Append('\n');
        }
    }

    /// <summary>The invocation has its outcome: the duration stops here, though lines may still arrive.</summary>
    public void Ended()
    {
        lock (_text)
        {
            _endedAt ??= Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Ends the log with END and REPORT, and returns its last <see cref="TailBytes"/> bytes, base64, for <c>X-Amz-Log-Result</c>.</summary>
    public string EndAndTail()
    {
        lock (_text)
        {
            var duration = _startedAt is { } started ? Stopwatch.GetElapsedTime(started, _endedAt ?? Stopwatch.GetTimestamp()) : TimeSpan.Zero;
            _text.Append(CultureInfo.InvariantCulture, $"END RequestId: {RequestId}\n");
            _text.Append(CultureInfo.InvariantCulture,
                $"REPORT RequestId: {RequestId}\tDuration: {duration.TotalMilliseconds:0.00} ms\tBilled Duration: {Math.Max(1, (long)Math.Ceiling(duration.TotalMilliseconds))} ms\tMemory Size: {memorySizeMb} MB\t\n");
            var bytes = Encoding.UTF8.GetBytes(_text.ToString());
            return Convert.ToBase64String(bytes, Math.Max(0, bytes.Length - TailBytes), Math.Min(bytes.Length, TailBytes));
        }
    }
}
