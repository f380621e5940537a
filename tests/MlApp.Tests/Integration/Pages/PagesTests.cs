using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MlApp.Tests.Integration.Web;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Pages;

/// <summary>
/// The Razor pages served by real replicas on the stand-ins: forms drawn from the model card, antiforgery on every post,
/// a form from one replica accepted by the other, validation messages, uploads, cancels and limits through the pages.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PagesTests : IAsyncLifetime
{
    private static readonly (string Name, string Value)[] Adelie =
        [("island", "Torgersen"), ("bill_length_mm", "39.1"), ("bill_depth_mm", "18.7"), ("flipper_length_mm", "181"), ("body_mass_g", "3750"), ("sex", "MALE")];

    private WebTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await WebTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task The_home_page_has_a_labelled_control_for_each_input_of_the_card_and_an_antiforgery_token()
    {
        var web = _bed.StartReplica();
        using var visitor = Visitor.Browser();

        using var response = await visitor.On(web).GetAsync("/");
        var page = await PageForm.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var controls = page.QuerySelectorAll("form.predict-form input[name]:not([type='hidden']), form.predict-form select");
        Assert.Equal(Adelie.Select(field => field.Name), controls.Select(control => control.GetAttribute("name")));
        Assert.All(controls, control => Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']")));
        Assert.Contains(PageForm.HiddenFields(page, "predict"), field => field.Key == "__RequestVerificationToken" && field.Value.Length > 20);
        Assert.Contains("Palmer Penguins", page.QuerySelector(".card-summary")!.TextContent);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_never_reaches_the_model()
    {
        var web = _bed.StartReplica();
        using var visitor = Visitor.Browser();
        await visitor.On(web).GetAsync("/");

        using var post = await visitor.On(web).PostAsync("/", new FormUrlEncodedContent([new("_handler", "predict"), .. Fields(Adelie)]));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.DoesNotContain("data-testid=\"prediction\"", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_rendered_by_one_replica_posts_to_the_other_and_gets_its_messages_next_to_each_field()
    {
        var a = _bed.StartReplica();
        var b = _bed.StartReplica();
        using var visitor = Visitor.Browser();
        var form = PageForm.HiddenFields(await PageForm.ReadAsync(await visitor.On(a).GetAsync("/")), "predict");

        using var post = await visitor.On(b).PostAsync("/", new FormUrlEncodedContent(
            [.. form, .. Fields(Adelie.Select(field => field.Name switch
            {
                "bill_depth_mm" => (field.Name, "99"),
                "island" => (field.Name, "Atlantis"),
                "body_mass_g" => (field.Name, "heavy"),
                _ => field,
            }))]));
        var page = await PageForm.ReadAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("outside the allowed range 12 to 22.5 mm", page.QuerySelector("#input-bill_depth_mm-error")!.TextContent);
        Assert.Contains("not one of the allowed values", page.QuerySelector("#input-island-error")!.TextContent);
        Assert.Equal("'heavy' is not a number. Enter a whole number such as 3750.", page.QuerySelector("#input-body_mass_g-error")!.TextContent);
        Assert.Null(page.QuerySelector("#input-sex-error"));
        Assert.Equal("99", page.QuerySelector("#input-bill_depth_mm")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_csv_uploaded_through_the_page_on_one_replica_is_listed_by_the_other_and_can_be_cancelled_there()
    {
        var a = _bed.StartReplica();
        var b = _bed.StartReplica();
        using var visitor = Visitor.Browser();

        using var upload = await UploadThroughPageAsync(visitor, a, "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\nTorgersen,39.1,18.7,181,3750,MALE\n");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var jobId = upload.Headers.Location!.Query.Split("submitted=")[1];

        var list = await PageForm.ReadAsync(await visitor.On(b).GetAsync("/jobs"));
        Assert.NotNull(list.QuerySelector($"tr[data-job-id='{jobId}'][data-job-active]"));
        using var cancel = await visitor.On(b).PostAsync("/jobs", new FormUrlEncodedContent([.. PageForm.HiddenFields(list, "cancel"), new("jobId", jobId)]));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains("is cancelled", (await PageForm.ReadAsync(cancel)).QuerySelector(".notice")!.TextContent);
        Assert.Equal("CANCELLED", await StatusAsync(visitor, a, jobId));
    }

    [Fact]
    public async Task Another_owner_cancelling_through_the_page_gets_404_and_the_job_stays_queued()
    {
        var web = _bed.StartReplica();
        using var owner = Visitor.Browser();
        using var other = Visitor.Browser();
        var jobId = await owner.SubmitJobAsync(web);
        await other.SubmitJobAsync(web);
        var page = await PageForm.ReadAsync(await other.On(web).GetAsync("/jobs"));

        using var cancel = await other.On(web).PostAsync("/jobs", new FormUrlEncodedContent([.. PageForm.HiddenFields(page, "cancel"), new("jobId", jobId)]));

        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("QUEUED", await StatusAsync(owner, web, jobId));
    }

    [Fact]
    public async Task Uploads_through_the_page_past_the_owners_limit_answer_429_with_retry_after_and_store_nothing()
    {
        var web = _bed.StartReplica(_bed.Settings(("RateLimits:SubmissionsPerMinute", "1"), ("RateLimits:SubmissionBurst", "1")));
        using var visitor = Visitor.Browser();
        const string Csv = "island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex\nDream,46.5,17.9,192,3500,FEMALE\n";

        // The first upload, before the visitor has an owner, spends from its address; the owner's one token goes next.
        using var first = await UploadThroughPageAsync(visitor, web, Csv);
        using var second = await UploadThroughPageAsync(visitor, web, Csv);
        using var third = await UploadThroughPageAsync(visitor, web, Csv);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect], [first.StatusCode, second.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many job submissions.", (await PageForm.ReadAsync(third)).QuerySelector("#file-error")!.TextContent);
        Assert.Equal(2, (await visitor.ListJobIdsAsync(web)).Count);
    }

    private static async Task<HttpResponseMessage> UploadThroughPageAsync(Visitor visitor, WebReplica replica, string csv)
    {
        var page = await PageForm.ReadAsync(await visitor.On(replica).GetAsync("/jobs"));
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in PageForm.HiddenFields(page, "upload"))
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "penguins.csv");
        return await visitor.On(replica).PostAsync("/jobs", form);
    }

    private static async Task<string?> StatusAsync(Visitor visitor, WebReplica replica, string jobId)
    {
        using var response = await visitor.On(replica).GetAsync($"/api/jobs/{jobId}");
        return (await Visitor.ReadJsonAsync(response)).GetProperty("status").GetString();
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(IEnumerable<(string Name, string Value)> fields) =>
        fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value));
}
