using System.Net;
using System.Text;

namespace MlApp.Tests.Integration.Lambda;

/// <summary>
/// Invoke's FunctionName in each form AWS accepts, the qualifier rules, and <c>LogType: Tail</c>, against the emulator
/// over HTTP as an SDK sends them (the name URL-encoded in the path).
/// </summary>
[Trait("Category", "Integration")]
public sealed class LambdaEmulatorInvokeFormsTests(LambdaEmulatorFixture fixture) : IClassFixture<LambdaEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Theory]
    [InlineData("by-arn")]
    [InlineData("by-arn:live")]
    [InlineData("by-arn:$LATEST")]
    [InlineData("123456789012:function:by-arn")]
    [InlineData("123456789012:function:by-arn:live")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:by-arn")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:by-arn:live")]
    public async Task Each_name_form_aws_accepts_reaches_the_function(string functionName)
    {
        var instance = new RawInstance(Http, "by-arn");
        var invoke = InvokeAsync(functionName);
        var (requestId, _, _) = await instance.NextAsync();
        (await instance.RespondAsync(requestId, "{\"ok\":true}")).EnsureSuccessStatusCode();

        using var response = await invoke;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_qualifier_in_the_name_and_a_different_one_in_the_query_is_an_invalid_parameter()
    {
        using var response = await InvokeAsync("by-arn:live", qualifier: "blue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameterValueException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("The derived qualifier from the function name does not match the specified qualifier.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:by-arn", "arn:aws:lambda:eu-west-1:123456789012:function:by-arn")]
    [InlineData("210987654321:function:by-arn:live", "arn:aws:lambda:us-east-1:210987654321:function:by-arn:live")]
    [InlineData("nope:live", "arn:aws:lambda:us-east-1:123456789012:function:nope:live")]
    public async Task A_function_of_another_region_or_account_or_none_is_not_found_by_its_arn(string functionName, string arn)
    {
        using var response = await InvokeAsync(functionName);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains($"Function not found: {arn}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_name_outside_lambdas_pattern_is_a_validation_error()
    {
        using var response = await InvokeAsync("not a name!");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Log_type_tail_returns_the_invocations_log_in_base64_ending_with_its_report_line()
    {
        var instance = new RawInstance(Http, "tail");
        var invoke = InvokeAsync("tail", logType: "Tail");
        var (requestId, _, _) = await instance.NextAsync();
        fixture.Emulator.RecordFunctionLog("tail", $"{{\"level\":\"Information\",\"message\":\"predicting\",\"awsRequestId\":\"{requestId}\"}}");
        fixture.Emulator.RecordFunctionLog("tail", "{\"message\":\"a line of another invocation\"}");
        (await instance.RespondAsync(requestId, "{}")).EnsureSuccessStatusCode();

        using var response = await invoke;
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));

        var lines = log.TrimEnd('\n').Split('\n');
        Assert.Equal($"START RequestId: {requestId} Version: $LATEST", lines[0]);
        Assert.Contains("\"message\":\"predicting\"", lines[1]);
        Assert.Equal($"END RequestId: {requestId}", lines[2]);
        Assert.Matches($@"^REPORT RequestId: {requestId}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\t$", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task A_long_log_is_cut_to_its_last_four_kilobytes_which_keep_the_report_line()
    {
        var instance = new RawInstance(Http, "tail-long");
        var invoke = InvokeAsync("tail-long", logType: "Tail");
        var (requestId, _, _) = await instance.NextAsync();
        for (var i = 0; i < 100; i++)
        {
            fixture.Emulator.RecordFunctionLog("tail-long", $"line {i:000} of {requestId} {new string('x', 60)}");
        }

        (await instance.RespondAsync(requestId, "{}")).EnsureSuccessStatusCode();
        using var response = await invoke;
        var tail = Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single());

        Assert.Equal(4096, tail.Length);
        var text = Encoding.UTF8.GetString(tail);
        Assert.DoesNotContain("START", text);
        Assert.Contains($"line 099 of {requestId}", text);
        Assert.StartsWith($"REPORT RequestId: {requestId}", text.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public async Task Without_tail_there_is_no_log_result_and_an_unknown_log_type_is_refused()
    {
        var instance = new RawInstance(Http, "by-arn");
        var invoke = InvokeAsync("by-arn", logType: "None");
        var (requestId, _, _) = await instance.NextAsync();
        (await instance.RespondAsync(requestId, "{}")).EnsureSuccessStatusCode();

        using var plain = await invoke;
        using var unknown = await InvokeAsync("by-arn", logType: "Everything");

        Assert.False(plain.Headers.Contains("X-Amz-Log-Result"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("InvalidParameterValueException", unknown.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    private Task<HttpResponseMessage> InvokeAsync(string functionName, string? qualifier = null, string? logType = null)
    {
        var path = $"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations" + (qualifier is null ? "" : $"?Qualifier={qualifier}");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (logType is not null)
        {
            request.Headers.Add("X-Amz-Log-Type", logType);
        }

        return Http.SendAsync(request);
    }
}
