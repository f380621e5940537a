using System.Net;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Web;

/// <summary>The global caps on one request, on real Kestrel; the CSV upload still takes more than the global body cap.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RequestLimitTests(RequestLimitTests.SmallCaps fixture) : IClassFixture<RequestLimitTests.SmallCaps>
{
    private const int BodyCap = 128 * 1024;

    private readonly WebReplica _web = fixture.Web;

    [Fact]
    public async Task A_body_up_to_the_cap_is_read_and_one_byte_more_is_refused_with_413()
    {
        using var visitor = new Visitor();

        using var atCap = await visitor.On(_web).PostAsync(TestEndpoints.BodyPath, new ByteArrayContent(new byte[BodyCap]));
        using var overCap = await visitor.On(_web).PostAsync(TestEndpoints.BodyPath, new ByteArrayContent(new byte[BodyCap + 1]));

        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(BodyCap.ToString(), await atCap.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overCap.StatusCode);
    }

    [Fact]
    public async Task A_csv_upload_may_be_larger_than_the_global_cap()
    {
        using var visitor = Visitor.Browser();
        var csv = EndToEnd.JobsApiTests.SampleCsv(rows: 100);
        while (csv.Length < 2 * BodyCap)
        {
            csv += string.Join('\n', csv.Split('\n').Skip(1));
        }

        using var response = await visitor.SubmitAsync(_web, csv);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_request_headers_are_refused_with_431()
    {
        using var visitor = new Visitor();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        for (var i = 0; i < 80; i++)
        {
            request.Headers.Add($"X-Filler-{i}", "x");
        }

        using var response = await visitor.On(_web).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Headers_over_the_total_size_are_refused_with_431()
    {
        using var visitor = new Visitor();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Cookie", "big=" + new string('x', 20 * 1024));

        using var response = await visitor.On(_web).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    /// <summary>A small body cap, so that a test crosses it quickly; the predict cap must stay below it.</summary>
    public sealed class SmallCaps : WebReplicaFixture
    {
        protected override (string Key, string? Value)[] Overrides =>
            [("RequestLimits:MaxBodyBytes", BodyCap.ToString()), ("Predict:MaxBodyBytes", (BodyCap / 2).ToString())];
    }
}
