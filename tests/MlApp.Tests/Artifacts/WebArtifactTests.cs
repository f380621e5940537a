using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws;
using MlApp.Hosting.LocalAws.Lambda;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// The web as its image ships it: <c>dotnet MlApp.Web.dll</c> in its publish folder, in the Production environment,
/// against the stand-ins and the Lambda emulator, with the published native function as the emulator's instance.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Artifacts")]
public sealed partial class WebArtifactTests(AwsStandIns aws, ITestOutputHelper output) : IAsyncLifetime
{
    private const string FunctionName = "realtime-function";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly LambdaEmulator _lambda = new();
    private readonly List<IAsyncDisposable> _running = [];
    private JobServices _jobs = null!;
    private PublishedArtifact _web = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _web = (await PublishedArtifacts.GetAsync(ImageArtifact.Web)).RequireSuccess();
        var function = (await PublishedArtifacts.GetAsync(ImageArtifact.Function)).RequireSuccess();
        _jobs = await JobServices.CreateAsync();
        _lambda.AddFunction(new LambdaFunctionSettings(FunctionName, TimeSpan.FromSeconds(30)));
        await _lambda.StartAsync(NullLogger.Instance, TimeProvider.System, default);
        _running.Add(ArtifactProcess.Start(function, function.File("MlApp.RealtimeFunction"), [],
            new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = _lambda.RuntimeApiFor(FunctionName) }, output));

        var url = new Uri($"http://127.0.0.1:{ArtifactProcess.FreeLoopbackPort()}/");
        var nowhere = $"http://127.0.0.1:{ArtifactProcess.FreeLoopbackPort()}/";
        var web = ArtifactProcess.Start(_web, "dotnet", ["MlApp.Web.dll"], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = aws.DynamoDbUrl.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = aws.S3Url.ToString(),
            ["AWS_ENDPOINT_URL_LAMBDA"] = _lambda.Url.ToString(),
            // The test submits no job: a RunTask would find a closed port, nothing outside this machine.
            ["AWS_ENDPOINT_URL_ECS"] = nowhere,
            ["AWS_REGION"] = LocalAwsNames.Region,
            ["AWS_ACCESS_KEY_ID"] = LocalAwsNames.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = LocalAwsNames.SecretAccessKey,
            ["Jobs__TableName"] = _jobs.Options.TableName,
            ["Jobs__BucketName"] = _jobs.Options.BucketName,
            ["Realtime__FunctionName"] = FunctionName,
            ["Batch__Cluster"] = "artifacts",
            ["Batch__TaskDefinition"] = "batch-job",
            ["Batch__Subnets__0"] = "subnet-00000000000000001",
        }, output);
        _running.Add(web);
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilListeningAsync(web);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }

        await _lambda.DisposeAsync();
        if (_jobs is not null)
        {
            await _jobs.DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_answers_healthy()
    {
        using var response = await _http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_prediction_goes_through_the_emulator_to_the_published_function_and_back()
    {
        using var response = await _http.PostAsJsonAsync("api/predict", new
        {
            input = new { island = "Torgersen", bill_length_mm = 39.1, bill_depth_mm = 18.7, flipper_length_mm = 181, body_mass_g = 3750, sex = "MALE" },
        });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        using var answer = JsonDocument.Parse(body);
        Assert.Equal("Adelie", answer.RootElement.GetProperty("predictions")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task The_pages_css_and_js_are_served_with_their_mime_types_from_the_published_files()
    {
        var page = await _http.GetStringAsync("");
        var assets = AssetReference().Matches(page).Select(match => match.Groups["path"].Value).Distinct().ToList();
        var published = Directory.EnumerateFiles(_web.File("wwwroot"), "*", SearchOption.AllDirectories)
            .ToDictionary(file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))), file => file);

        // What makes the difference to a development run: the endpoints come from the publish folder's manifest, and no
        // development manifest points back into the source tree.
        Assert.True(File.Exists(_web.File("MlApp.Web.staticwebassets.endpoints.json")));
        Assert.Empty(Directory.GetFiles(_web.Folder, "*.staticwebassets.runtime.json"));
        Assert.Contains(assets, asset => asset.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, asset => asset.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await _http.GetAsync(asset.TrimStart('/'));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.Equal(asset.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
            var hash = Convert.ToHexString(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
            Assert.True(published.TryGetValue(hash, out var file), $"{asset} is not the bytes of any file in {_web.File("wwwroot")}");
            output.WriteLine($"{asset} -> {Path.GetRelativePath(_web.Folder, file)} ({response.Content.Headers.ContentType})");
        }
    }

    private async Task WaitUntilListeningAsync(ArtifactProcess web)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            Assert.False(web.HasExited, $"The web exited before it listened:{Environment.NewLine}{web.Tail()}");
            try
            {
                using var response = await _http.GetAsync("alive", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The web did not answer /alive within {StartTimeout}:{Environment.NewLine}{web.Tail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    /// <summary>Stylesheets and scripts the page links to on this site (not absolute URLs).</summary>
    [GeneratedRegex(@"(?:href|src)=""(?<path>/?[^""/:][^"":]*\.(?:css|js))""")]
    private static partial Regex AssetReference();
}
