namespace MlApp.Model;

/// <summary>Where the model runs (<c>Model:Device</c>): <c>auto</c> tries the GPU and falls back to the CPU.</summary>
public enum ModelDevice
{
    Auto,
    Cpu,
    Cuda,
}

/// <summary>The setting's spelling, which is also how a job records the device that ran it.</summary>
public static class ModelDevices
{
    public const string Auto = "auto";
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";

    /// <summary>Case-insensitive: <c>auto</c>, <c>cpu</c> or <c>cuda</c>; null for anything else.</summary>
    public static ModelDevice? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Auto => ModelDevice.Auto,
        Cpu => ModelDevice.Cpu,
        Cuda => ModelDevice.Cuda,
        _ => null,
    };

    public static string ToText(this ModelDevice device) => device switch
    {
        ModelDevice.Cpu => Cpu,
        ModelDevice.Cuda => Cuda,
        _ => Auto,
    };
}
