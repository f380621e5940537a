using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Amazon.S3.Model;
using MlApp.Tests.Integration.Web.BadRequests;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// The malformed requests a new user found answered with a 500, and the ambiguous ones that were accepted: each a 400
/// problem now. (Kestrel itself refuses control characters, tabs included, and non-ASCII bytes in a header, before the
/// app; and HTTP trims spaces around a value.)
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MalformedBodyTests(WebReplicaFixture fixture) : IClassFixture<WebReplicaFixture>
{
    private const string Row = """{"island":"Torgersen","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"MALE"}""";

    private readonly WebReplica _web = fixture.Web;

    [Fact]
    public async Task A_json_string_with_bytes_that_are_not_utf8_is_a_400_problem()
    {
        byte[] body = [.. "{\"input\":{\"island\":\"Torg"u8, 0xC3, 0x28, .. "\"}}"u8];

        var problem = await PredictAsync(new ByteArrayContent(body));

        Assert.Equal("The body is not valid JSON.", problem.GetProperty("title").GetString());
        Assert.Contains("not UTF-8", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_a_400_problem()
    {
        var problem = await PredictAsync(new StringContent("{\"input\":" + Row.Replace("Torgersen", "\\ud800") + "}", Encoding.UTF8));

        Assert.Contains("unpaired surrogate escape", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Input_and_inputs_together_are_a_400_that_names_both()
    {
        var problem = await PredictAsync(new StringContent($"{{\"input\":{Row},\"inputs\":[{Row}]}}", Encoding.UTF8));

        var errors = problem.GetProperty("errors");
        Assert.Contains("both \"input\" and \"inputs\"", errors.GetProperty("input")[0].GetString());
        Assert.Contains("both \"input\" and \"inputs\"", errors.GetProperty("inputs")[0].GetString());
    }

    [Fact]
    public async Task A_multipart_body_cut_before_its_closing_boundary_is_a_400_problem_and_stores_nothing()
    {
        using var visitor = Visitor.Browser();
        var inputsBefore = await CountInputsAsync();
        var csv = EndToEnd.JobsApiTests.SampleCsv(rows: 50);
        var body = Encoding.UTF8.GetBytes($"--{BadRequestGenerator.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\n{csv}");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={BadRequestGenerator.Boundary}");

        using var response = await visitor.On(_web).PostAsync("/api/jobs", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The request body is malformed", await response.Content.ReadAsStringAsync());
        Assert.Empty(await visitor.ListJobIdsAsync(_web));
        Assert.Equal(inputsBefore, await CountInputsAsync());
    }

    [Theory]
    [InlineData("key with spaces")]
    [InlineData("0f8fad5b d9cb")]
    public async Task An_idempotency_key_that_is_not_visible_ascii_is_a_400_and_nothing_is_stored(string key)
    {
        var csv = Encoding.UTF8.GetBytes(EndToEnd.JobsApiTests.SampleCsv(rows: 2));
        byte[] body = [.. Encoding.ASCII.GetBytes($"--{BadRequestGenerator.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\n"), .. csv,
            .. Encoding.ASCII.GetBytes($"\r\n--{BadRequestGenerator.Boundary}--\r\n")];
        var request = new BadRequest("key", "POST", "/api/jobs",
            [("Content-Type", $"multipart/form-data; boundary={BadRequestGenerator.Boundary}"), ("Idempotency-Key", key)], body);
        using var visitor = Visitor.WithApiKey(WebTestBed.BotKey);
        var before = (await visitor.ListJobIdsAsync(_web)).Count;

        var answer = await BadRequestSender.SendAsync(new HttpClient(), _web.Url, WebTestBed.BotKey, request);

        Assert.Equal((400, "application/problem+json"), (answer.Status, answer.ContentType));
        Assert.Contains("The Idempotency-Key header is invalid.", answer.Body);
        Assert.Equal(before, (await visitor.ListJobIdsAsync(_web)).Count);
    }

    private async Task<int> CountInputsAsync()
    {
        var inputs = await fixture.Bed.Jobs.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Bed.Jobs.Options.BucketName, Prefix = "inputs/" });
        return inputs.S3Objects?.Count ?? 0;
    }

    private async Task<System.Text.Json.JsonElement> PredictAsync(HttpContent content)
    {
        using var visitor = Visitor.WithApiKey(WebTestBed.BotKey);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await visitor.On(_web).PostAsync("/api/predict", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await Visitor.ReadJsonAsync(response);
    }
}
