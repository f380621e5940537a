using Microsoft.Playwright;
using MlApp.Tests.EndToEnd;

namespace MlApp.Tests.Browser;

/// <summary>A visitor runs a batch job from the jobs page in a real browser: sample CSV in, predictions out.</summary>
[Collection(AppHostCollection.Name)]
[Trait("Category", "Browser")]
public sealed class JobsPageTests(AppHostFixture app, BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Uploading_the_sample_csv_runs_a_job_to_succeeded_and_its_result_downloads()
    {
        var page = await browser.NewVisitorAsync(app);
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.RequestFailed += (_, request) => output.WriteLine($"failed {request.Url} {request.Failure}");
        var work = Directory.CreateTempSubdirectory("mlapp-browser-");
        try
        {
            await page.GotoAsync("/jobs");
            var sample = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download a sample CSV" }).ClickAsync());
            var samplePath = Path.Combine(work.FullName, sample.SuggestedFilename);
            await sample.SaveAsAsync(samplePath);

            await page.GetByLabel("CSV file").SetInputFilesAsync(samplePath);
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit job" }).ClickAsync();
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("was submitted");

            // The page follows the job by itself; nothing here reloads it.
            var row = page.Locator("tbody tr").First;
            await Assertions.Expect(row.Locator("[data-job-status]")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = (float)AppHostFixture.WaitTimeout.TotalMilliseconds });
            await BrowserFixture.ScreenshotAsync(page, "jobs-succeeded");

            var result = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "Download result" }).ClickAsync());
            var resultPath = Path.Combine(work.FullName, "result.csv");
            await result.SaveAsAsync(resultPath);
            var sampleLines = File.ReadAllLines(samplePath);
            var resultLines = File.ReadAllLines(resultPath);
            Assert.Equal(sampleLines.Length, resultLines.Length);
            Assert.StartsWith(sampleLines[0], resultLines[0]);
            Assert.Contains("Adelie", resultLines[1]);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_with_the_wrong_header_is_refused_with_the_reason_and_no_job()
    {
        var page = await browser.NewVisitorAsync(app);

        await page.GotoAsync("/jobs");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "wrong.csv",
            MimeType = "text/csv",
            Buffer = "colour,size\nred,3\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit job" }).ClickAsync();

        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("header row does not match");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "jobs-refused");
    }
}
