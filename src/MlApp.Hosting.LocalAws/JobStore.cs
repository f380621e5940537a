namespace MlApp.Hosting.LocalAws;

/// <summary>
/// The job table and bucket as the AppHost wires them: in run mode the stand-ins that hold them, in publish mode
/// nothing, since the CDK stack creates the real ones from <see cref="JobStoreAnnotation"/>.
/// </summary>
public sealed class JobStore
{
    internal JobStore(LocalAwsStandIns? standIns) => StandIns = standIns;

    /// <summary>The stand-ins; null in publish mode.</summary>
    internal LocalAwsStandIns? StandIns { get; }
}
