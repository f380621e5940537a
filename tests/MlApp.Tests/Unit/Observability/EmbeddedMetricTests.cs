using System.Text.Json;
using MlApp.ServiceDefaults.Metrics;

namespace MlApp.Tests.Unit.Observability;

/// <summary>The metric lines the web and the worker write must be valid CloudWatch Embedded Metric Format, or CloudWatch drops them silently.</summary>
[Trait("Category", "Unit")]
public sealed class EmbeddedMetricTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, MetricValue[]> Documents => new()
    {
        { MetricNames.WebService, [new(MetricNames.QueuedJobs, 3, "Count"), new(MetricNames.OldestQueuedJobAge, 42.5, "Seconds")] },
        { MetricNames.BatchService, [new(MetricNames.JobsSucceeded, 1, "Count"), new(MetricNames.RowsPredicted, 1000, "Count")] },
        { MetricNames.BatchService, [new(MetricNames.JobsFailed, 1, "Count")] },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_document_is_valid_emf_with_our_namespace_dimension_units_and_values(string service, MetricValue[] metrics)
    {
        using var document = JsonDocument.Parse(EmbeddedMetricWriter.Document(service, At, metrics));
        var root = document.RootElement;

        var aws = root.GetProperty("_aws");
        Assert.Equal(At.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("MlApp", directive.GetProperty("Namespace").GetString());
        var dimensionSet = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray());
        Assert.Equal(["Service"], dimensionSet.EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(service, root.GetProperty("Service").GetString());

        var declared = directive.GetProperty("Metrics").EnumerateArray().ToList();
        Assert.Equal(metrics.Select(metric => (metric.Name, metric.Unit)), declared.Select(metric => (metric.GetProperty("Name").GetString()!, metric.GetProperty("Unit").GetString()!)));
        foreach (var metric in metrics)
        {
            // EMF: every declared metric is a number at the top level, and its unit is one CloudWatch knows.
            Assert.Equal(metric.Value, root.GetProperty(metric.Name).GetDouble());
            Assert.Contains(metric.Unit, new[] { "Seconds", "Count", "Milliseconds", "Bytes", "Percent", "None" });
        }
    }

    [Fact]
    public void The_writer_puts_each_document_on_one_line()
    {
        var output = new StringWriter();
        var writer = new EmbeddedMetricWriter(output, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(At), MetricNames.WebService);

        writer.Write(new MetricValue(MetricNames.QueuedJobs, 1, "Count"));
        writer.Write(new MetricValue(MetricNames.QueuedJobs, 2, "Count"));

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal(At.ToUnixTimeMilliseconds(), JsonDocument.Parse(line).RootElement.GetProperty("_aws").GetProperty("Timestamp").GetInt64()));
    }
}
