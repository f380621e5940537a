namespace MlApp.AppHost.LocalAws.Ecs;

/// <summary>Receives the state changes of the resources behind task families; the emulator turns them into task states.</summary>
public interface IResourceStateSink
{
    void Report(string family, ResourcePhase phase, int? exitCode);
}
