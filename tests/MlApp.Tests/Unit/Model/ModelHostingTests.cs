using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Features;
using MlApp.Model.Hosting;
using MlApp.Model.Onnx;
namespace MlApp.Tests.Unit.Model;

/// <summary>The model is chosen by configuration alone: the same code serves either model, from a folder or from S3.</summary>
[Trait("Category", "Unit")]
public sealed class ModelHostingTests
{
    [Fact]
    public async Task Demo_model_is_served_when_nothing_is_configured()
    {
        using var host = await StartAsync([]);

        var predictor = host.Services.GetRequiredService<IPredictor>();

        Assert.Equal("penguins", predictor.Card.Name);
        Assert.Same(predictor.Card, host.Services.GetRequiredService<ModelCard>());
        Assert.Equal("Adelie", predictor.Predict(TestModels.Adelie()).Label);
    }

    [Fact]
    public async Task Swapping_to_another_model_needs_only_Model_Path()
    {
        using var host = await StartAsync(new() { ["Model:Path"] = TestModels.CoolingFolder });
        var predictor = host.Services.GetRequiredService<IPredictor>();
        var reader = new JsonFeatureReader(predictor.Card);

        var row = reader.Read(System.Text.Json.JsonDocument.Parse("""{"outdoor_temp_c": 30.5, "floor_area_m2": 150, "occupants": 12}""").RootElement);
        var prediction = predictor.Predict(row.Value!);

        Assert.Equal("cooling", predictor.Card.Name);
        Assert.Equal(ModelTask.Regression, predictor.Card.Task);
        Assert.Equal("cooling_load_kw", predictor.Card.Output.Name);
        Assert.Equal(OnnxInputMode.Tensor, predictor.Card.Onnx.InputMode);
        Assert.Null(prediction.Label);
        Assert.Equal(TestModels.Cooling.Predict(row.Value!).Value, prediction.Value);
    }

    [Fact]
    public async Task Relative_Model_Path_is_relative_to_the_app_folder_not_the_working_directory()
    {
        using var host = await StartAsync(new() { ["Model:Path"] = "Assets/cooling" });

        var predictor = Assert.IsType<OnnxPredictor>(host.Services.GetRequiredService<IPredictor>());

        Assert.Equal("cooling", predictor.Card.Name);
        Assert.Equal(TestModels.CoolingFolder, predictor.Folder);
    }

    [Fact]
    public async Task Card_alone_can_be_registered_for_hosts_that_only_validate()
    {
        var builder = Builder(new() { ["Model:Path"] = TestModels.CoolingFolder });
        builder.AddModelCard();
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Equal("cooling", host.Services.GetRequiredService<ModelCard>().Name);
        Assert.Null(host.Services.GetService<IPredictor>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Broken_model_stops_the_host_from_starting()
    {
        using var folder = new TempModelFolder();

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => StartAsync(new() { ["Model:Path"] = folder.Path }));

        Assert.StartsWith($"The model folder '{folder.Path}' has no model.onnx and no model.json;", error.Message);
    }

    [Fact]
    public async Task Conflicting_settings_stop_the_host_with_every_problem_named()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Model:Path"] = TestModels.CoolingFolder,
            ["Model:S3Uri"] = "https://bucket/models",
            ["Model:IntraOpThreads"] = "-1",
        }));

        Assert.Equal(
            [
                "Set Model:Path or Model:S3Uri, not both.",
                "Model:S3Uri must look like s3://bucket/prefix/, not 'https://bucket/models'.",
                "Model:IntraOpThreads must be 0 (ONNX Runtime decides) or more, not -1.",
            ],
            error.Failures);
    }

    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://bucket/", "bucket", "")]
    [InlineData("s3://bucket/models/penguins", "bucket", "models/penguins/")]
    [InlineData("s3://bucket/models/penguins/", "bucket", "models/penguins/")]
    public void S3_locations_always_end_their_prefix_with_a_slash(string uri, string bucket, string prefix)
    {
        Assert.True(S3ModelLocation.TryParse(uri, out var location));
        Assert.Equal(new S3ModelLocation(bucket, prefix), location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3://")]
    [InlineData("s3:///prefix/")]
    [InlineData("S3://bucket/")]
    [InlineData("https://bucket.s3.amazonaws.com/prefix/")]
    public void Addresses_that_are_not_s3_locations_are_refused(string uri)
    {
        Assert.False(S3ModelLocation.TryParse(uri, out _));
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings) => ModelHost.Builder(settings);

    private static Task<IHost> StartAsync(Dictionary<string, string?> settings) => ModelHost.StartAsync(settings);
}
