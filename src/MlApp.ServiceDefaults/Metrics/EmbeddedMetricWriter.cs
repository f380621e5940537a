using System.Text;
using System.Text.Json;

namespace MlApp.ServiceDefaults.Metrics;

/// <summary>
/// Publishes metrics as CloudWatch Embedded Metric Format: one JSON line on stdout that the awslogs driver ships and
/// CloudWatch turns into metrics. No API call, no permission, no agent; locally the line shows in the resource's console.
/// </summary>
public sealed class EmbeddedMetricWriter(TextWriter output, TimeProvider time, string service)
{
    private readonly Lock _oneLineAtATime = new();

    public void Write(params MetricValue[] metrics)
    {
        var line = Document(service, time.GetUtcNow(), metrics);
        lock (_oneLineAtATime)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>The EMF document: the <c>_aws</c> metadata names the metrics and the dimension; the values sit at the top level.</summary>
    public static string Document(string service, DateTimeOffset timestamp, IReadOnlyList<MetricValue> metrics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", MetricNames.Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue(MetricNames.ServiceDimension);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString(MetricNames.ServiceDimension, service);
            foreach (var metric in metrics)
            {
                json.WriteNumber(metric.Name, metric.Value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
