namespace MlApp.Hosting;

/// <summary>Marks a resource that invokes <see cref="Function"/>: it gets the function's settings and, in AWS, the right to invoke it.</summary>
public sealed record FunctionCallerAnnotation(IResource Function) : IResourceAnnotation;
