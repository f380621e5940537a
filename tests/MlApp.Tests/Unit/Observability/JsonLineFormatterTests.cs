using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.ServiceDefaults.Logging;

namespace MlApp.Tests.Unit.Observability;

/// <summary>Each log line is one JSON object that Logs Insights can filter by trace, job and owner.</summary>
[Trait("Category", "Unit")]
public sealed class JsonLineFormatterTests
{
    private static JsonElement Format(IReadOnlyList<KeyValuePair<string, object?>> state, string message, Exception? exception = null, object? scope = null)
    {
        var scopes = new LoggerExternalScopeProvider();
        using var pushed = scope is null ? null : scopes.Push(scope);
        var output = new StringWriter();
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(LogLevel.Warning, "MlApp.BatchJob.JobRunner", new EventId(7), state, exception, (_, _) => message);

        new JsonLineFormatter().Write(entry, scopes, output);

        var text = output.ToString();
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public void A_line_logged_inside_a_span_carries_its_trace_and_span_ids()
    {
        using var activity = new Activity("predict").SetIdFormat(ActivityIdFormat.W3C).Start();

        var line = Format([], "Predicted");

        Assert.Equal(activity.TraceId.ToHexString(), line.GetProperty("traceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), line.GetProperty("spanId").GetString());
        Assert.Equal("Warning", line.GetProperty("level").GetString());
        Assert.Equal("MlApp.BatchJob.JobRunner", line.GetProperty("category").GetString());
        Assert.Equal("Predicted", line.GetProperty("message").GetString());
    }

    [Fact]
    public void The_message_values_and_the_scope_values_become_camel_case_fields()
    {
        var line = Format(
            [new("JobId", "0123abcd"), new("Rows", 1000), new("Seconds", 1.5), new("{OriginalFormat}", "Job {JobId}: {Rows} rows in {Seconds} s")],
            "Job 0123abcd: 1000 rows in 1.5 s",
            scope: new Dictionary<string, object?> { ["JobId"] = "0123abcd", ["OwnerId"] = "owner-7" });

        Assert.Equal("0123abcd", line.GetProperty("jobId").GetString());
        Assert.Equal("owner-7", line.GetProperty("ownerId").GetString());
        Assert.Equal(1000, line.GetProperty("rows").GetInt64());
        Assert.Equal(1.5, line.GetProperty("seconds").GetDouble());
        Assert.False(line.TryGetProperty("{OriginalFormat}", out _));
        Assert.False(line.TryGetProperty("traceId", out _) && Activity.Current is null);
    }

    [Fact]
    public void An_exception_is_kept_whole_and_a_non_finite_number_stays_valid_json()
    {
        Exception error;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        var line = Format([new("Score", double.NaN)], "Failed", error);

        Assert.Contains("System.InvalidOperationException: boom", line.GetProperty("exception").GetString());
        Assert.Equal("NaN", line.GetProperty("score").GetString());
    }
}
