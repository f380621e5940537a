namespace MlApp.Hosting;

/// <summary>Marks a project as a Lambda function: in both modes, so the deployment reads the same timeout the emulator enforces.</summary>
public sealed record LambdaFunctionAnnotation(TimeSpan Timeout) : IResourceAnnotation;
