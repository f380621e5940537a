using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MlApp.Tests.Unit.Model;

namespace MlApp.Tests.EndToEnd;

/// <summary>The jobs API of the running web app against the stand-ins: submit, read, isolate, cancel, refuse bad uploads.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class JobsApiTests(AppHostFixture fixture) : IAsyncLifetime
{
    private WebVisitor _alice = null!;
    private WebVisitor _mallory = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(AppHostFixture.WaitTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        _alice = new WebVisitor(fixture);
        _mallory = new WebVisitor(fixture);
    }

    public Task DisposeAsync()
    {
        _alice.Dispose();
        _mallory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_uploaded_csv_becomes_a_job_its_owner_can_read_and_list()
    {
        using var response = await _alice.UploadAsync(SampleCsv(rows: 12));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = await ReadAsync(response);
        Assert.Equal($"/api/jobs/{Id(job)}", response.Headers.Location?.OriginalString);
        Assert.Equal(12, job.GetProperty("rowsTotal").GetInt64());
        Assert.Contains(job.GetProperty("status").GetString(), new[] { "QUEUED", "RUNNING", "SUCCEEDED" });

        using var read = await _alice.Http.GetAsync($"/api/jobs/{Id(job)}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var list = await _alice.Http.GetAsync("/api/jobs?pageSize=100");
        var ids = (await ReadAsync(list)).GetProperty("jobs").EnumerateArray().Select(Id);
        Assert.Contains(Id(job), ids);
    }

    [Fact]
    public async Task Another_owner_gets_404_for_the_job_its_result_and_its_cancel()
    {
        using var response = await _alice.UploadAsync(SampleCsv(rows: 3));
        var id = Id(await ReadAsync(response));

        using var read = await _mallory.Http.GetAsync($"/api/jobs/{id}");
        using var result = await _mallory.Http.GetAsync($"/api/jobs/{id}/result");
        using var cancel = await _mallory.Http.DeleteAsync($"/api/jobs/{id}");
        using var list = await _mallory.Http.GetAsync("/api/jobs");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.DoesNotContain(id, (await ReadAsync(list)).GetProperty("jobs").EnumerateArray().Select(Id));
        using var stillThere = await _alice.Http.GetAsync($"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task A_header_that_does_not_match_the_schema_is_a_400_that_names_each_problem_and_stores_nothing()
    {
        using var client = new WebVisitor(fixture);

        using var response = await client.UploadAsync("island,bill_length_mm,wingspan\nBiscoe,40,1\n");
        using var list = await client.Http.GetAsync("/api/jobs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors").GetProperty("header").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.StartsWith("Field 'wingspan' is not an input of this model", StringComparison.Ordinal));
        Assert.Contains("Field 'bill_depth_mm' is missing; it is required.", errors);
        Assert.Empty((await ReadAsync(list)).GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_idempotency_key_makes_one_job_and_a_different_file_is_refused()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await _alice.UploadAsync(SampleCsv(rows: 5), key);
        using var retry = await _alice.UploadAsync(SampleCsv(rows: 5), key);
        using var changed = await _alice.UploadAsync(SampleCsv(rows: 6), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(Id(await ReadAsync(first)), Id(await ReadAsync(retry)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
    }

    [Fact]
    public async Task Malformed_ids_are_a_400_and_unknown_ones_a_404()
    {
        using var malformed = await _alice.Http.GetAsync("/api/jobs/..%2F..%2Fsecrets");
        using var unknown = await _alice.Http.GetAsync($"/api/jobs/{new string('a', 32)}");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Rows from the held-out set, in the card's column order.</summary>
    public static string SampleCsv(int rows)
    {
        var inputs = TestModels.PenguinsCard.Inputs.Select(field => field.Name).ToList();
        var lines = HeldOutAsset.Load("penguins-heldout.json").Rows.Take(rows)
            .Select(row => string.Join(',', inputs.Select(name => row.Input.GetProperty(name).ToString())));
        return string.Join('\n', [string.Join(',', inputs), .. lines]) + "\n";
    }

    private static string Id(JsonElement job) => job.GetProperty("id").GetString()!;

    private static Task<JsonElement> ReadAsync(HttpResponseMessage response) => WebVisitor.ReadJsonAsync(response);
}
