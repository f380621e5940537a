using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MlApp.ServiceDefaults.Logging;

/// <summary>
/// One JSON object per log line with flat, camel-case fields: time, level, category, message, traceId and spanId of
/// the current activity, the message's own values (jobId, ownerId, ...) and those of its scopes. CloudWatch Logs
/// Insights discovers such fields by itself, so one query can follow a request or a job across services.
/// </summary>
public sealed class JsonLineFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "mlapp-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.UtcNow);
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteString("message", message);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
            }

            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }

            var written = new HashSet<string>(StringComparer.Ordinal) { "time", "level", "category", "message", "eventId", "traceId", "spanId", "exception" };
            WriteValues(json, logEntry.State, written);
            scopeProvider?.ForEachScope((scope, state) => WriteValues(state.Json, scope, state.Written), (Json: json, Written: written));
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write(Environment.NewLine);
    }

    /// <summary>The named values of a message or scope, first one wins; the template itself is already in "message".</summary>
    private static void WriteValues(Utf8JsonWriter json, object? state, HashSet<string> written)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> values)
        {
            return;
        }

        foreach (var (key, value) in values)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(key);
            if (key == "{OriginalFormat}" || !written.Add(name))
            {
                continue;
            }

            switch (value)
            {
                case null:
                    json.WriteNull(name);
                    break;
                case int or long or short or byte or uint or ulong or ushort:
                    json.WriteNumber(name, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case double or float or decimal when Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) is var number && double.IsFinite(number):
                    json.WriteNumber(name, number);
                    break;
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                default:
                    json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
