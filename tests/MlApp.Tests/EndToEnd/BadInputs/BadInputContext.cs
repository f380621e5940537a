using System.Text;
using System.Text.Json.Nodes;

namespace MlApp.Tests.EndToEnd.BadInputs;

/// <summary>What one catalogue row is sent with: a fresh visitor (so a fresh owner), and another owner when a row needs one.</summary>
public sealed class BadInputContext(AppHostFixture fixture) : IDisposable
{
    private WebVisitor? _other;

    public WebVisitor Visitor { get; } = new(fixture);

    public Task<HttpResponseMessage> PredictAsync(string body, string contentType = "application/json") =>
        Visitor.Http.PostAsync("/api/predict", new StringContent(body, Encoding.UTF8, contentType));

    public Task<HttpResponseMessage> PredictAsync(JsonObject body) => PredictAsync(body.ToJsonString());

    /// <summary>A job that exists, but belongs to somebody else.</summary>
    public Task<string> OthersJobAsync()
    {
        _other ??= new WebVisitor(fixture);
        return _other.SubmitAsync(BadInputRequests.Csv(["Dream,46.5,17.9,192,3500,FEMALE"]));
    }

    public void Dispose()
    {
        Visitor.Dispose();
        _other?.Dispose();
    }
}
