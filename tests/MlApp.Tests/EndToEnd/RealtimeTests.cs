using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Hosting.LocalAws.Lambda;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Model;

using MlApp.Model.Features;
using MlApp.Model.Invocation;
namespace MlApp.Tests.EndToEnd;

/// <summary>The realtime path through the running system: web → Lambda emulator → function instances → predictor.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RealtimeTests(AppHostFixture fixture) : IAsyncLifetime
{
    private const string Function = "realtime-function";

    private HttpClient _web = null!;

    private LambdaEmulator Emulator => fixture.App.Services.GetRequiredService<DistributedApplicationModel>()
        .Resources.OfType<LambdaEmulatorResource>().Single().Emulator;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        await fixture.App.ResourceNotifications.WaitForResourceAsync(Function, KnownResourceStates.Running, timeout.Token);
        _web = fixture.App.CreateHttpClient("web");
        _web.Timeout = AppHostFixture.WaitTimeout;
    }

    public Task DisposeAsync()
    {
        _web.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Predict_returns_what_the_predictor_gives_in_process()
    {
        var heldOut = HeldOutAsset.Load("penguins-heldout.json");
        var inputs = heldOut.Rows.Select(row => row.Input).ToList();

        using var response = await _web.PostAsJsonAsync("/api/predict", new { inputs });
        var answer = await ReadPredictionsAsync(response);

        var reader = new JsonFeatureReader(TestModels.PenguinsCard);
        var expected = TestModels.Penguins.PredictBatch(inputs.Select(input => reader.Read(input).Value!).ToList());
        Assert.Equal("penguins", answer.ModelName);
        Assert.Equal(TestModels.PenguinsCard.Version, answer.ModelVersion);
        Assert.Equal(expected.Select(prediction => prediction.Label), answer.Predictions.Select(prediction => prediction.Label));
        foreach (var (want, got) in expected.Zip(answer.Predictions))
        {
            Assert.All(want.Scores!, score => Assert.Equal(score.Value, got.Scores![score.Key], 1e-6f));
        }
    }

    [Fact]
    public async Task Input_that_breaks_the_schema_is_a_400_naming_each_field_and_never_reaches_the_function()
    {
        var before = Emulator.InvocationsReceived(Function);

        using var response = await _web.PostAsync("/api/predict", Json("{\"input\":{\"island\":\"Atlantis\",\"bill_length_mm\":\"long\"}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("input.island", out _));
        Assert.True(errors.TryGetProperty("input.bill_length_mm", out _));
        Assert.True(errors.TryGetProperty("input.sex", out _));
        Assert.Equal(before, Emulator.InvocationsReceived(Function));
    }

    [Fact]
    public async Task A_function_that_throws_gives_502_and_the_next_call_succeeds()
    {
        Emulator.InjectFaults(Function, 1);

        using var failed = await _web.PostAsJsonAsync("/api/predict", new { input = Example() });
        using var next = await _web.PostAsJsonAsync("/api/predict", new { input = Example() });

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        using var problem = JsonDocument.Parse(await failed.Content.ReadAsStringAsync());
        Assert.Equal("The model failed to answer.", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("InvalidPredictRequestException", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("Adelie", (await ReadPredictionsAsync(next)).Predictions.Single().Label);
    }

    [Fact]
    public async Task A_seven_megabyte_body_gives_413_and_never_reaches_the_function()
    {
        var before = Emulator.InvocationsReceived(Function);
        var body = "{\"inputs\":[" + string.Join(',', Enumerable.Repeat(JsonSerializer.Serialize(Example()), 70_000)) + "]}";
        Assert.True(Encoding.UTF8.GetByteCount(body) > 7_000_000);

        using var response = await _web.PostAsync("/api/predict", Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Emulator.InvocationsReceived(Function));
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_all_succeed_with_two_instances()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => _web.PostAsJsonAsync("/api/predict", new { input = Example() })));

        try
        {
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            var labels = await Task.WhenAll(responses.Select(async response => (await ReadPredictionsAsync(response)).Predictions.Single().Label));
            Assert.All(labels, label => Assert.Equal("Adelie", label));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task One_trace_runs_from_the_web_request_through_the_function_to_the_predictor()
    {
        using var response = await _web.PostAsJsonAsync("/api/predict", new { input = Example() });
        await ReadPredictionsAsync(response);

        var predictor = await WaitForSpanAsync(span => span.Name == "predictor.PredictBatch"
            && Spans().Any(web => web.TraceId == span.TraceId && web.Name.StartsWith("POST /api/predict", StringComparison.Ordinal)));
        var trace = Spans().Where(span => span.TraceId == predictor.TraceId).ToList();
        var webRequest = trace.Single(span => span.Name.StartsWith("POST /api/predict", StringComparison.Ordinal));
        var invoke = trace.Single(span => span.Name == "invoke realtime function");
        var invokeCall = trace.Single(span => span.Name == "POST");
        var invocation = trace.Single(span => span.Name == "predict invocation");

        Assert.Equal(webRequest.SpanId, invoke.ParentSpanId);
        Assert.Equal(invoke.SpanId, invokeCall.ParentSpanId);
        Assert.Equal(invoke.SpanId, invocation.ParentSpanId);
        Assert.Equal(invocation.SpanId, predictor.ParentSpanId);
    }

    private IReadOnlyCollection<ExportedSpan> Spans() => fixture.Traces.Spans;

    private async Task<ExportedSpan> WaitForSpanAsync(Func<ExportedSpan, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Spans().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    private static Dictionary<string, object> Example() => TestModels.PenguinsCard.Inputs.ToDictionary(field => field.Name, field => (object)field.Example!);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<PredictResponse> ReadPredictionsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize(body, PredictJsonContext.Default.PredictResponse)!;
    }
}
