namespace MlApp.Hosting;

/// <summary>Marks a resource that starts <see cref="Task"/> with RunTask: it gets the Batch settings and, in AWS, the right to run it.</summary>
public sealed record EcsTaskCallerAnnotation(IResource Task) : IResourceAnnotation;
