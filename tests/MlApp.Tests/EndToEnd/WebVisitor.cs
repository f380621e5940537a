using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace MlApp.Tests.EndToEnd;

/// <summary>
/// One visitor of the running web: its own cookie jar, so its own anonymous owner, with the jobs API's round trips.
/// Redirects are not followed, so a test sees the 302 to a result's download link.
/// </summary>
public sealed class WebVisitor(AppHostFixture fixture) : IDisposable
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = fixture.App.GetEndpoint("web", "http"),
        Timeout = AppHostFixture.WaitTimeout,
    };

    /// <summary>Posts <paramref name="file"/> as the multipart field <c>file</c>, whatever it holds, and returns the raw answer.</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName = "penguins.csv", string? idempotencyKey = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> UploadAsync(string csv, string? idempotencyKey = null) =>
        UploadAsync(Encoding.UTF8.GetBytes(csv), idempotencyKey: idempotencyKey);

    /// <summary>Submits a CSV that must be accepted, and returns the new job's id.</summary>
    public async Task<string> SubmitAsync(string csv)
    {
        using var response = await UploadAsync(csv);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJobAsync(string job)
    {
        using var response = await Http.GetAsync($"/api/jobs/{job}");
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response);
    }

    /// <summary>Polls the job until it has <paramref name="status"/>; a FAILED job or the fixture's timeout fails the test.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string job, string status)
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        while (true)
        {
            var current = await GetJobAsync(job);
            if (current.GetProperty("status").GetString() == status)
            {
                return current;
            }

            Assert.NotEqual("FAILED", current.GetProperty("status").GetString());
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }

    /// <summary>Follows the result's 302 to its presigned link, as a browser would, and returns the CSV.</summary>
    public async Task<string> DownloadResultAsync(string job)
    {
        using var redirect = await Http.GetAsync($"/api/jobs/{job}/result");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        using var plain = new HttpClient();
        return await plain.GetStringAsync(redirect.Headers.Location);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose() => Http.Dispose();
}
