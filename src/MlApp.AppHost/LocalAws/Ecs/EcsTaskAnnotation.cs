namespace MlApp.AppHost.LocalAws.Ecs;

/// <summary>Marks a resource as the local stand-in of an ECS task definition family, so callers can be given its name.</summary>
public sealed record EcsTaskAnnotation(string Family) : IResourceAnnotation;
