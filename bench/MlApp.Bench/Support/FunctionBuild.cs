namespace MlApp.Bench;

/// <summary>One way to run the realtime function: the JIT build output under <c>dotnet</c>, or the native AOT executable.</summary>
internal sealed record FunctionBuild(string Kind, string FileName, IReadOnlyList<string> Arguments)
{
    private const string Project = "MlApp.RealtimeFunction";

    /// <summary>The build output next to the bench's; the bench references the AppHost, which references the function, so building the bench builds it.</summary>
    public static FunctionBuild Jit()
    {
        var dll = Path.Combine(RepositoryPaths.BuildOutput(Project), $"{Project}.dll");
        return File.Exists(dll)
            ? new FunctionBuild("jit", "dotnet", [dll])
            : throw new InvalidOperationException($"No function build at {dll}: build the bench (or the solution) in the same configuration first.");
    }

    /// <summary>The published native executable, or null when it hasn't been published.</summary>
    public static FunctionBuild? Aot(string? path)
    {
        var executable = AotPath(path);
        return File.Exists(executable) ? new FunctionBuild("aot", executable, []) : null;
    }

    /// <summary>The given path, else where <c>dotnet publish src/MlApp.RealtimeFunction -c Release -r linux-x64 -p:PublishAot=true</c> puts it.</summary>
    public static string AotPath(string? path) =>
        Path.GetFullPath(path ?? Path.Combine(RepositoryPaths.BuildOutput(Project), "linux-x64", "publish", Project));

    public string Describe() => string.Join(" ", [FileName, .. Arguments]);

    /// <summary>Starts one instance of the named function, polling the emulator's Runtime API with the environment Lambda (or the AppHost) gives it.</summary>
    public ChildProcess Start(LocalLambda lambda, string functionName, string? modelPath)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = lambda.RuntimeApiFor(functionName),
            ["AWS_LAMBDA_FUNCTION_NAME"] = functionName,
        };
        if (modelPath is not null)
        {
            environment["Model__Path"] = Path.GetFullPath(modelPath);
        }

        return ChildProcess.Start(Kind, FileName, Arguments, environment);
    }
}
