namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>The ECS emulator as a dashboard resource: its state, its URL, one log line per task call, and its fault command.</summary>
public sealed class EcsEmulatorResource(string name, EcsEmulator emulator) : Resource(name)
{
    public EcsEmulator Emulator { get; } = emulator;

    /// <summary>Which resource runs each task definition family; the Aspire launcher starts and watches these.</summary>
    internal Dictionary<string, IResource> TaskResources { get; } = new(StringComparer.Ordinal);
}
