namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>Receives the state changes of the resources behind task families; the emulator turns them into task states.</summary>
public interface IResourceStateSink
{
    void Report(string family, ResourcePhase phase, int? exitCode);

    /// <summary>A late word about an execution that has already ended: at most its exit code, never news for the one running now.</summary>
    void ReportLateExitCode(string family, int exitCode);
}
