using System.Text.Json;
using System.Text.RegularExpressions;
using MlApp.Tests.Deployment;
using MlApp.Tests.Integration.Runtime;
using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// The function as its image ships it: the native executable its Dockerfile publishes, with its native libraries and
/// model next to it, for Amazon Linux 2023's glibc, serving a Runtime API the test owns (not the AppHost's emulator).
/// </summary>
[Trait("Category", "Artifacts")]
public sealed partial class FunctionArtifactTests(ITestOutputHelper output)
{
    /// <summary>Amazon Linux 2023, the OS of Lambda's provided.al2023, has glibc 2.34.</summary>
    private static readonly Version NewestGlibc = new(2, 34);

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private const string Penguin = """{"island":"Torgersen","bill_length_mm":39.1,"bill_depth_mm":18.7,"flipper_length_mm":181,"body_mass_g":3750,"sex":"MALE"}""";

    private static async Task<PublishedArtifact> PublishedAsync() => (await PublishedArtifacts.GetAsync(ImageArtifact.Function)).RequireSuccess();

    [Fact]
    public async Task The_native_executable_sits_with_libonnxruntime_and_the_model_files()
    {
        var function = await PublishedAsync();

        foreach (var file in new[] { "MlApp.RealtimeFunction", "libonnxruntime.so", "models/penguins/model.onnx", "models/penguins/model.json" })
        {
            Assert.True(File.Exists(function.File(file)), $"{file} is missing from {function.Folder}");
        }

        Assert.False(File.Exists(function.File("MlApp.RealtimeFunction.dll")), "A native AOT publish leaves no managed assembly.");
        Assert.Empty(Directory.GetFiles(function.Folder, "*.pdb", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task No_binary_of_the_function_needs_a_glibc_newer_than_Amazon_Linux_2023s()
    {
        var function = await PublishedAsync();

        foreach (var binary in new[] { "MlApp.RealtimeFunction", "libonnxruntime.so" })
        {
            var symbols = await CommandRun.RunAsync("objdump", ["-T", function.File(binary)], function.Folder, TimeSpan.FromMinutes(1));
            Assert.True(symbols.ExitCode == 0, symbols.Output);
            var versions = GlibcVersion().Matches(symbols.Output).Select(match => Version.Parse(match.Groups["version"].Value)).Distinct().ToList();

            Assert.NotEmpty(versions);
            output.WriteLine($"{binary}: newest glibc symbol version {versions.Max()}");
            Assert.All(versions, version => Assert.True(version <= NewestGlibc, $"{binary} needs GLIBC_{version}, newer than {NewestGlibc}"));
        }
    }

    [Fact]
    public async Task It_answers_a_good_event_refuses_a_malformed_one_with_its_error_type_and_keeps_serving()
    {
        var function = await PublishedAsync();
        await using var api = await TestRuntimeApi.StartAsync();
        await using var process = ArtifactProcess.Start(function, function.File("MlApp.RealtimeFunction"), [],
            new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = api.RuntimeApi, ["AWS_LAMBDA_FUNCTION_NAME"] = "realtime" }, output);

        api.Enqueue("cold", $$"""{"inputs":[{{Penguin}}]}""", TimeSpan.FromSeconds(30));
        var cold = await AnswerAsync(api, process, "invocation/cold/response");
        output.WriteLine($"Cold start, exec to first answer: {process.Started.ElapsedMilliseconds} ms");
        api.Enqueue("not-json", "{\"inputs\": [", TimeSpan.FromSeconds(30));
        api.Enqueue("bad-row", """{"inputs":[{"island":"Atlantis"}]}""", TimeSpan.FromSeconds(30));
        api.Enqueue("warm", $$"""{"inputs":[{{Penguin}},{{Penguin}}]}""", TimeSpan.FromSeconds(30));
        var notJson = await AnswerAsync(api, process, "invocation/not-json/error");
        var badRow = await AnswerAsync(api, process, "invocation/bad-row/error");
        var warm = await AnswerAsync(api, process, "invocation/warm/response");

        Assert.Equal(["Adelie"], Labels(cold.Body));
        Assert.Equal(["Adelie", "Adelie"], Labels(warm.Body));
        foreach (var refused in new[] { notJson, badRow })
        {
            using var error = JsonDocument.Parse(refused.Body);
            Assert.Equal("InvalidPredictRequestException", error.RootElement.GetProperty("errorType").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("errorMessage").GetString()));
            Assert.Equal("Runtime.InvalidPredictRequestException", refused.ErrorType);
        }

        Assert.Contains("island", badRow.Body, StringComparison.Ordinal);
        Assert.False(process.HasExited, "The function must keep serving after refusing an event.");
    }

    private static async Task<(string Body, string? ErrorType)> AnswerAsync(TestRuntimeApi api, ArtifactProcess process, string path)
    {
        try
        {
            return await api.Post(path).Task.WaitAsync(Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No post to {path} within {Wait}:{Environment.NewLine}{process.Tail()}");
        }
    }

    private static List<string?> Labels(string body)
    {
        using var answer = JsonDocument.Parse(body);
        return [.. answer.RootElement.GetProperty("predictions").EnumerateArray().Select(prediction => prediction.GetProperty("label").GetString())];
    }

    [GeneratedRegex(@"GLIBC_(?<version>\d+\.\d+(\.\d+)?)")]
    private static partial Regex GlibcVersion();
}
