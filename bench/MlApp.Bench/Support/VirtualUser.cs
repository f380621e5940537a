using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MlApp.Bench;

/// <summary>
/// One person using the web: opens the page, asks for a prediction, submits a small CSV as a job and looks at the job,
/// thinking a random while before each step. Keeps its own owner cookie, as a browser does, so every user is an owner.
/// </summary>
internal sealed class VirtualUser(HttpClient http, LoadWork work, Random random, Action<LoadSample> record)
{
    private string? cookie;

    public async Task RunAsync(int iterations, CancellationToken cancellationToken)
    {
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            await ThinkAsync(cancellationToken);
            await SendAsync("page", new HttpRequestMessage(HttpMethod.Get, ""), cancellationToken);

            await ThinkAsync(cancellationToken);
            var predict = new ByteArrayContent(work.PredictBody);
            predict.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            await SendAsync("predict", new HttpRequestMessage(HttpMethod.Post, "api/predict") { Content = predict }, cancellationToken);

            await ThinkAsync(cancellationToken);
            var file = new ByteArrayContent(work.Csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var form = new MultipartFormDataContent { { file, "file", "rows.csv" } };
            var job = await SendAsync("submit", new HttpRequestMessage(HttpMethod.Post, "api/jobs") { Content = form }, cancellationToken);

            await ThinkAsync(cancellationToken);
            if (job is not null && JobId(job) is { } id)
            {
                await SendAsync("poll", new HttpRequestMessage(HttpMethod.Get, $"api/jobs/{id}"), cancellationToken);
            }
        }
    }

    private Task ThinkAsync(CancellationToken cancellationToken) =>
        Task.Delay(work.ThinkMin + (work.ThinkMax - work.ThinkMin) * random.NextDouble(), cancellationToken);

    /// <summary>Sends one request and records it; returns the body of a success, null for an error (which is recorded as one).</summary>
    private async Task<byte[]?> SendAsync(string kind, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                record(new LoadSample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode,
                    response.IsSuccessStatusCode ? null : $"{kind}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)])}"));
                KeepCookie(response);
                return response.IsSuccessStatusCode ? body : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                record(new LoadSample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, $"{kind}: {e.Message}"));
                return null;
            }
        }
    }

    private void KeepCookie(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values)
            && values.FirstOrDefault(value => value.StartsWith("mlapp-owner=", StringComparison.Ordinal)) is { } owner)
        {
            cookie = owner.Split(';')[0];
        }
    }

    private static string? JobId(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }
}
