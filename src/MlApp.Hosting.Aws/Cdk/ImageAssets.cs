using Amazon.CDK;
using Amazon.CDK.AWS.Ecr.Assets;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Lambda;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// Container images built by CDK from the Dockerfile next to each project, with the repository root as build context.
/// </summary>
/// <remarks>
/// Each image's context holds only the root build files and the projects it is built from, so its asset hash (and
/// the redeploy it triggers) changes only when those change, and cdk.out gets a few MB instead of the whole tree.
/// </remarks>
public sealed class ImageAssets(string repositoryRoot)
{
    /// <summary>The project's image, from its Dockerfile or another one next to it (<paramref name="dockerfile"/>, from the repository root).</summary>
    public ContainerImage ContainerImage(AppProject project, string? dockerfile = null) => Amazon.CDK.AWS.ECS.ContainerImage.FromAsset(repositoryRoot, new AssetImageProps
    {
        File = dockerfile ?? project.Dockerfile,
        Exclude = Exclusions(project),
        IgnoreMode = IgnoreMode.DOCKER,
        // Every image is x86_64, also when deployed from an arm64 machine.
        Platform = Platform_.LINUX_AMD64,
    });

    public DockerImageCode LambdaCode(AppProject project) => DockerImageCode.FromImageAsset(repositoryRoot, new AssetImageCodeProps
    {
        File = project.Dockerfile,
        Exclude = Exclusions(project),
        IgnoreMode = IgnoreMode.DOCKER,
        Platform = Platform_.LINUX_AMD64,
    });

    /// <summary>
    /// .dockerignore lines: everything out, the image's own files back in, build output and npm packages out again.
    /// </summary>
    /// <remarks>
    /// CDK skips an excluded folder without looking inside, so a folder deep down comes back in one level at a time:
    /// <c>!src</c>, <c>src/*</c>, <c>!src/MlApp.Web</c>.
    /// </remarks>
    public string[] Exclusions(AppProject project) =>
    [
        "*",
        .. ProjectClosure.RootFiles.Select(file => "!" + file),
        .. ProjectClosure.Directories(repositoryRoot, project.ProjectPath).SelectMany(Reinclude).Distinct(),
        "**/bin",
        "**/obj",
        "**/node_modules",
    ];

    private static IEnumerable<string> Reinclude(string directory)
    {
        var parts = directory.Split('/');
        for (var depth = 1; depth <= parts.Length; depth++)
        {
            var path = string.Join('/', parts[..depth]);
            yield return "!" + path;
            if (depth < parts.Length)
            {
                yield return path + "/*";
            }
        }
    }
}
