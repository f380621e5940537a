using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlApp.Model;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Model;

using MlApp.Model.Onnx;
namespace MlApp.Tests.Integration;

/// <summary>A model kept under an S3 prefix, loaded through the real SDK from the S3 stand-in.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ModelFromS3Tests : IAsyncLifetime
{
    private JobServices _aws = null!;

    private string Bucket => _aws.Options.BucketName;

    public async Task InitializeAsync() => _aws = await JobServices.CreateAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task A_model_under_an_S3_prefix_is_downloaded_and_predicts_like_the_local_copy()
    {
        await UploadAsync("models/penguins/v1/", "model.onnx", "model.json");

        using var host = await StartAsync($"s3://{Bucket}/models/penguins/v1");
        var predictor = Assert.IsType<OnnxPredictor>(host.Services.GetRequiredService<IPredictor>());
        try
        {
            Assert.Equal("penguins", predictor.Card.Name);
            var expected = TestModels.Penguins.Predict(TestModels.Adelie());
            var actual = predictor.Predict(TestModels.Adelie());
            Assert.Equal("Adelie", actual.Label);
            Assert.Equal(expected.Label, actual.Label);
            Assert.Equal(expected.Scores!.OrderBy(score => score.Key), actual.Scores!.OrderBy(score => score.Key));
            Assert.StartsWith(Path.GetTempPath(), predictor.Folder);
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(TestModels.PenguinsFolder, "model.onnx")),
                await File.ReadAllBytesAsync(Path.Combine(predictor.Folder, "model.onnx")));
        }
        finally
        {
            Directory.Delete(predictor.Folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_object_is_named_with_its_full_address()
    {
        await UploadAsync("models/v2/", "model.onnx");

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => StartAsync($"s3://{Bucket}/models/v2/"));

        Assert.Equal($"No model.json at s3://{Bucket}/models/v2/model.json (NoSuchKey); a model folder holds model.onnx and model.json.", error.Message);
    }

    private async Task UploadAsync(string prefix, params string[] files)
    {
        foreach (var file in files)
        {
            await _aws.S3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket,
                Key = prefix + file,
                FilePath = Path.Combine(TestModels.PenguinsFolder, file),
            });
        }
    }

    private Task<IHost> StartAsync(string s3Uri) =>
        ModelHost.StartAsync(new Dictionary<string, string?> { ["Model:S3Uri"] = s3Uri }, _aws.S3);
}
