using System.Net;
using MlApp.Tests.Support;

namespace MlApp.Tests.EndToEnd.BadInputs;

/// <summary>
/// Every row of docs/bad-inputs.md, sent to the running system: the documented status and words come back, a refused
/// upload stores nothing, an accepted one carries the row's error in its result, and the system keeps serving.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BadInputCatalogueTests(AppHostFixture fixture)
{
    public static TheoryData<BadInputRow> Rows => new(BadInputTable.Rows);

    [Fact]
    public void The_document_and_the_requests_list_the_same_kinds_and_there_are_at_least_25()
    {
        var documented = BadInputTable.Rows.Select(row => row.Id).ToList();

        Assert.Equal(documented.Distinct().Count(), documented.Count);
        Assert.Equal(BadInputRequests.All.Keys.Order(), documented.Order());
        Assert.True(documented.Count >= 25, $"{documented.Count} kinds of bad input are catalogued");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_bad_input_gets_its_documented_answer_and_the_system_keeps_serving(BadInputRow row)
    {
        using var context = new BadInputContext(fixture);
        await using var storage = await AppHostStorage.ConnectAsync(fixture);
        var inputsBefore = await storage.CountObjectsAsync("inputs/");

        using var response = await BadInputRequests.All[row.Id](context);
        var body = await response.Content.ReadAsStringAsync();

        if (row.IsRowLevel)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{row.Id}: {(int)response.StatusCode} {body}");
            var job = (await WebVisitor.ReadJsonAsync(response)).GetProperty("id").GetString()!;
            await context.Visitor.WaitForStatusAsync(job, "SUCCEEDED");
            Assert.Contains(row.Says, await context.Visitor.DownloadResultAsync(job));
        }
        else
        {
            Assert.True((int)response.StatusCode == int.Parse(row.Status), $"{row.Id}: expected {row.Status}, got {(int)response.StatusCode} {Excerpt(body)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(row.Says, body);
            Assert.DoesNotContain("   at ", body);
        }

        if (row.Where == "`POST /api/jobs`" && !row.IsRowLevel && row.Id != "idempotency-key-reused")
        {
            // Nothing half-stored: no job for this visitor and no new input object.
            using var jobs = await context.Visitor.Http.GetAsync("/api/jobs");
            Assert.Empty((await WebVisitor.ReadJsonAsync(jobs)).GetProperty("jobs").EnumerateArray());
            Assert.Equal(inputsBefore, await storage.CountObjectsAsync("inputs/"));
        }

        await AssertStillServingAsync(context);
    }

    private static async Task AssertStillServingAsync(BadInputContext context)
    {
        using var health = await context.Visitor.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var good = await context.PredictAsync("{\"input\":{\"island\":\"Dream\",\"bill_length_mm\":46.5,\"bill_depth_mm\":17.9,\"flipper_length_mm\":192,\"body_mass_g\":3500,\"sex\":\"FEMALE\"}}");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private static string Excerpt(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
