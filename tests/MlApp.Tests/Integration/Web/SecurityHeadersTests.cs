using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlApp.Tests.Support;
using MlApp.Web.Security;

namespace MlApp.Tests.Integration.Web;

/// <summary>Every answer carries the security headers, and no answer carries exception text, even in Development.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SecurityHeadersTests(SecurityHeadersTests.BrokenTable fixture) : IClassFixture<SecurityHeadersTests.BrokenTable>
{
    private readonly WebReplica _web = fixture.Web;

    [Theory]
    [InlineData("GET", "/health", HttpStatusCode.OK, null)]
    [InlineData("GET", "/no/such/page", HttpStatusCode.NotFound, null)]
    [InlineData("GET", "/api/jobs", HttpStatusCode.InternalServerError, null)]
    [InlineData("POST", "/api/predict", HttpStatusCode.BadRequest, null)]
    [InlineData("GET", "/api/jobs", HttpStatusCode.Unauthorized, "not-a-key")]
    public async Task Every_response_carries_the_security_headers(string method, string path, HttpStatusCode expected, string? apiKey)
    {
        using var visitor = new Visitor(new System.Net.CookieContainer(), apiKey);

        using var response = await visitor.On(_web).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Equal(SecurityHeaders.SiteContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_site_policy_allows_only_itself_and_no_framing()
    {
        using var visitor = Visitor.Browser();

        using var response = await visitor.On(_web).GetAsync("/");
        var policy = Header(response, "Content-Security-Policy");

        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("http", policy);
    }

    [Fact]
    public async Task Only_the_api_docs_allow_inline_scripts_and_styles()
    {
        using var visitor = Visitor.Browser();

        using var docs = await visitor.On(_web).GetAsync(SecurityHeaders.ApiDocsPath + "/v1");
        var policy = Header(docs, "Content-Security-Policy");

        Assert.Contains("script-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Theory]
    [InlineData("/api/jobs", HttpStatusCode.InternalServerError)]
    [InlineData("/api/jobs?pageSize=many", HttpStatusCode.BadRequest)]
    public async Task A_failure_is_a_problem_without_exception_text_even_in_development(string path, HttpStatusCode expected)
    {
        Assert.True(_web.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        using var visitor = Visitor.Browser();

        using var response = await visitor.On(_web).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain(".cs:line", body);
        Assert.DoesNotContain("MlApp.", body);
        Assert.DoesNotContain("no-such-table", body);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    /// <summary>A replica whose job table doesn't exist: every job lookup throws inside the app, as in an outage.</summary>
    public sealed class BrokenTable : WebReplicaFixture
    {
        protected override (string Key, string? Value)[] Overrides => [("Jobs:TableName", "no-such-table")];
    }
}
