namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>The emulator as a dashboard resource: its state, its URL and one log line per invocation.</summary>
public sealed class LambdaEmulatorResource(string name, LambdaEmulator emulator) : Resource(name)
{
    public LambdaEmulator Emulator { get; } = emulator;
}
