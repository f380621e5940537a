using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using MlApp.Model.Card;
using MlApp.Model.Onnx;
namespace MlApp.Model.Hosting;

/// <summary>
/// Resolves the configured model to a local folder (downloading it from S3 when <c>Model:S3Uri</c> is set) and loads it.
/// The S3 client is resolved only when it is needed, so an app that serves a local model needs no AWS settings.
/// </summary>
internal sealed class ModelSource(IOptions<ModelOptions> options, IServiceProvider services, ILoggerFactory loggers)
{
    private readonly Lazy<string> folder = new(() => Resolve(options.Value, services));

    public string Folder => folder.Value;

    public OnnxPredictor LoadPredictor() =>
        OnnxPredictor.Load(Folder, options.Value.IntraOpThreads, loggers.CreateLogger<OnnxPredictor>(),
            ModelDevices.Parse(options.Value.Device) ?? ModelDevice.Auto);

    public ModelCard LoadCard()
    {
        ModelFolder.EnsureComplete(Folder);
        return ModelCardJson.Load(Path.Combine(Folder, ModelFolder.CardFileName));
    }

    private static string Resolve(ModelOptions options, IServiceProvider services)
    {
        if (!S3ModelLocation.TryParse(options.S3Uri, out var location))
        {
            // Relative to the app's folder, where the build copies models/, so "models/<name>" works in every app and image.
            return string.IsNullOrWhiteSpace(options.Path) ? ModelFolder.DefaultPath : Path.GetFullPath(options.Path, AppContext.BaseDirectory);
        }

        var downloader = new S3ModelDownloader(services.GetRequiredService<IAmazonS3>(), services.GetRequiredService<ILogger<S3ModelDownloader>>());

        // Runs once, from the DI factory at start-up, on hosts with no synchronization context; Task.Run keeps it
        // free of deadlocks even if a caller has one.
        return Task.Run(() => downloader.DownloadAsync(location)).GetAwaiter().GetResult();
    }
}
