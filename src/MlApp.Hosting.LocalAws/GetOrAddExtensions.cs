namespace MlApp.Hosting.LocalAws;

/// <summary>One emulator per app, added by whichever verb needs it first, so the AppHost never names it.</summary>
internal static class GetOrAddExtensions
{
    public static IResourceBuilder<T> GetOrAdd<T>(this IDistributedApplicationBuilder builder, Func<IDistributedApplicationBuilder, IResourceBuilder<T>> add)
        where T : IResource =>
        builder.Resources.OfType<T>().SingleOrDefault() is { } existing ? builder.CreateResourceBuilder(existing) : add(builder);
}
