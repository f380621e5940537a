namespace MlApp.Hosting;

/// <summary>Marks a project that gets the job settings (table and bucket); in AWS the deployment supplies the same names.</summary>
public sealed record JobStoreAnnotation : IResourceAnnotation;
