using System.Net;
using System.Net.Sockets;
using MlApp.Hosting.LocalAws;

namespace MlApp.Bench;

/// <summary>
/// The web (the built MlApp.Web.dll) as the AppHost runs it, pointed at the bench's emulators and stand-ins by the
/// standard endpoint variables. A service the scenario doesn't start is a closed port on loopback, so nothing the web
/// tries in the background leaves the machine.
/// </summary>
internal static class LocalWeb
{
    private const string Project = "MlApp.Web";

    /// <param name="storage">The DynamoDB and S3 stand-ins; null when the scenario never reaches them (/api/predict).</param>
    /// <param name="ecsUrl">The ECS emulator; null for none.</param>
    /// <param name="settings">More configuration, e.g. generous rate limits for a load test.</param>
    public static ChildProcess Start(
        LocalLambda lambda, string functionName, string? modelPath, LocalStorage? storage, Uri? ecsUrl,
        IReadOnlyDictionary<string, string?> settings, out Uri url)
    {
        var dll = Path.Combine(RepositoryPaths.BuildOutput(Project), $"{Project}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"No web build at {dll}: build the bench (or the solution) in the same configuration first.");
        }

        url = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var nowhere = $"http://127.0.0.1:{FreeLoopbackPort()}/";
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["AWS_ENDPOINT_URL"] = nowhere,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = nowhere,
            ["AWS_ENDPOINT_URL_S3"] = nowhere,
            ["AWS_ENDPOINT_URL_ECS"] = ecsUrl?.ToString() ?? nowhere,
            ["AWS_ENDPOINT_URL_LAMBDA"] = lambda.Url.ToString(),
            ["AWS_REGION"] = LocalAwsNames.Region,
            ["AWS_ACCESS_KEY_ID"] = LocalAwsNames.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = LocalAwsNames.SecretAccessKey,
            ["Realtime__FunctionName"] = functionName,
            ["Jobs__TableName"] = LocalAwsNames.TableName,
            ["Jobs__BucketName"] = LocalAwsNames.BucketName,
            ["Batch__Cluster"] = LocalEcs.Cluster,
            ["Batch__TaskDefinition"] = LocalEcs.Family,
            ["Batch__Subnets__0"] = "subnet-00000000000000001",
            // Two console lines per request at Information would measure the console; production settings say Warning.
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in storage?.Environment ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        if (modelPath is not null)
        {
            environment["Model__Path"] = Path.GetFullPath(modelPath);
        }

        return ChildProcess.Start("web", "dotnet", [dll], environment);
    }

    /// <summary>Waits for <c>/alive</c>, the process's own check: <c>/health</c> may also check stores that don't run here.</summary>
    public static async Task WaitUntilHealthyAsync(ChildProcess web, Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (web.Exited.IsCompleted)
            {
                throw new InvalidOperationException($"The web exited before it was healthy:{Environment.NewLine}{web.OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync("alive", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
