using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MlApp.Tests.EndToEnd;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// A browser, as far as the replicas can tell: one cookie jar for every replica (cookies ignore the port, as they
/// ignore which task behind the ALB answers), or an API client with a key and no jar.
/// </summary>
internal sealed class Visitor(CookieContainer? cookies = null, string? apiKey = null) : IDisposable
{
    private readonly Dictionary<Uri, HttpClient> _clients = [];

    public CookieContainer? Cookies { get; } = cookies;

    public static Visitor Browser() => new(new CookieContainer());

    public static Visitor WithApiKey(string key) => new(apiKey: key);

    /// <summary>A client to <paramref name="replica"/> that shares this visitor's cookies and key.</summary>
    public HttpClient On(WebReplica replica)
    {
        if (!_clients.TryGetValue(replica.Url, out var client))
        {
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = Cookies is not null, CookieContainer = Cookies ?? new CookieContainer() };
            client = new HttpClient(handler) { BaseAddress = replica.Url, Timeout = TimeSpan.FromSeconds(30) };
            if (apiKey is not null)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            _clients[replica.Url] = client;
        }

        return client;
    }

    public string? Cookie(WebReplica replica, string name) => Cookies?.GetCookies(replica.Url)[name]?.Value;

    /// <summary>Submits a small valid CSV and returns the new job's id.</summary>
    public async Task<string> SubmitJobAsync(WebReplica replica, int rows = 3)
    {
        using var response = await SubmitAsync(replica, JobsApiTests.SampleCsv(rows));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("id").GetString()!;
    }

    public async Task<HttpResponseMessage> SubmitAsync(WebReplica replica, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "penguins.csv");
        return await On(replica).PostAsync("/api/jobs", form);
    }

    public async Task<IReadOnlyList<string>> ListJobIdsAsync(WebReplica replica)
    {
        using var response = await On(replica).GetAsync("/api/jobs?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()!).ToList();
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
