using Microsoft.Extensions.Options;

namespace MlApp.Model.Hosting;

/// <summary>Written by hand rather than with data annotations: the messages say which setting to fix and how, and it needs no reflection.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Path) && !string.IsNullOrWhiteSpace(options.S3Uri))
        {
            failures.Add("Set Model:Path or Model:S3Uri, not both.");
        }

        if (!string.IsNullOrWhiteSpace(options.S3Uri) && !S3ModelLocation.TryParse(options.S3Uri, out _))
        {
            failures.Add($"Model:S3Uri must look like s3://bucket/prefix/, not '{options.S3Uri}'.");
        }

        if (options.IntraOpThreads < 0)
        {
            failures.Add($"Model:IntraOpThreads must be 0 (ONNX Runtime decides) or more, not {options.IntraOpThreads}.");
        }

        if (ModelDevices.Parse(options.Device) is null)
        {
            failures.Add($"Model:Device must be {ModelDevices.Auto}, {ModelDevices.Cpu} or {ModelDevices.Cuda}, not '{options.Device}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
