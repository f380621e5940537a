namespace MlApp.Hosting;

/// <summary>Marks a resource as an ECS task definition family, in both modes: the emulator starts it locally, the deployment defines it in AWS.</summary>
public sealed record EcsTaskAnnotation(string Family) : IResourceAnnotation;
