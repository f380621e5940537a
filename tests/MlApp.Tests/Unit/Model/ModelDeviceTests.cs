using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlApp.Model.Hosting;
using MlApp.Model.Onnx;
using MlApp.Model;
using MlApp.Tests.Support;

namespace MlApp.Tests.Unit.Model;

/// <summary>
/// <c>Model:Device</c> on this machine, which has ONNX Runtime's CPU build and no NVIDIA GPU: what auto, cpu and cuda do
/// here is what they do on any machine where CUDA can't run.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ModelDeviceTests
{
    private const string Category = "MlApp.Model.Onnx.OnnxPredictor";

    [Fact]
    public async Task Cpu_serves_on_the_CPU_and_logs_nothing_about_the_device()
    {
        var logs = new RecordingLoggerProvider();
        using var host = await StartAsync("cpu", logs);

        var predictor = host.Services.GetRequiredService<IPredictor>();

        Assert.Equal("cpu", predictor.Device);
        Assert.Equal("Adelie", predictor.Predict(TestModels.Adelie()).Label);
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("Model:Device", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auto_serves_on_the_CPU_and_says_why_in_one_log_line_where_ONNX_Runtime_has_no_CUDA()
    {
        var logs = new RecordingLoggerProvider();
        using var host = await StartAsync("auto", logs);

        var predictor = host.Services.GetRequiredService<IPredictor>();

        Assert.Equal("cpu", predictor.Device);
        Assert.Equal("Adelie", predictor.Predict(TestModels.Adelie()).Label);
        var line = Assert.Single(logs.Lines, line => line.Message.Contains("Model:Device", StringComparison.Ordinal));
        Assert.Equal(Category, line.Category);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal(
            "Model:Device is auto: running on the CPU, because this ONNX Runtime build has no CUDA execution provider " +
            "(the CPU package; the GPU image is built with -p:OnnxRuntimeBuild=Cuda)",
            line.Message);
        Assert.Contains(logs.Lines, line => line.Message.StartsWith("Loaded model penguins", StringComparison.Ordinal) && line.Message.Contains("on the cpu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Auto_is_the_default()
    {
        var logs = new RecordingLoggerProvider();
        using var host = await StartAsync(device: null, logs);

        Assert.Equal("cpu", host.Services.GetRequiredService<IPredictor>().Device);
        Assert.Single(logs.Lines, line => line.Message.StartsWith("Model:Device is auto: running on the CPU, because", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cuda_stops_the_host_at_start_saying_why_CUDA_cant_run_and_what_to_set_instead()
    {
        var error = await Assert.ThrowsAsync<ModelLoadException>(() => StartAsync("cuda", new RecordingLoggerProvider()));

        Assert.Equal(
            "Model:Device is cuda, but CUDA can't be used here: this ONNX Runtime build has no CUDA execution provider " +
            "(the CPU package; the GPU image is built with -p:OnnxRuntimeBuild=Cuda). Run the GPU image on a machine " +
            "with an NVIDIA GPU, or set Model:Device to auto or cpu.",
            error.Message);
    }

    [Theory]
    [InlineData("CPU")]
    [InlineData(" Cpu ")]
    public async Task Device_is_read_without_regard_to_case_or_surrounding_spaces(string device)
    {
        var logs = new RecordingLoggerProvider();
        using var host = await StartAsync(device, logs);

        Assert.Equal("cpu", host.Services.GetRequiredService<IPredictor>().Device);
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("Model:Device", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    [InlineData("cuda:1")]
    public async Task Any_other_device_stops_the_host_naming_the_three_that_exist(string device)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(device, new RecordingLoggerProvider()));

        Assert.Equal([$"Model:Device must be auto, cpu or cuda, not '{device}'."], error.Failures);
    }

    private static Task<IHost> StartAsync(string? device, RecordingLoggerProvider logs) =>
        ModelHost.StartAsync(
            device is null ? [] : new() { ["Model:Device"] = device },
            configure: builder => builder.Logging.AddProvider(logs));
}
