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

    /// <summary>
    /// The native executable at <paramref name="path"/> (<c>--aot-path</c>), or else published here and now exactly as the
    /// function's image publishes it: its publish profile, Properties/PublishProfiles/Image.pubxml. A failed publish throws
    /// with the build's own output, so the scenario ends non-zero instead of reporting no AOT figure.
    /// </summary>
    public static async Task<FunctionBuild> AotAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is not null)
        {
            var given = Path.GetFullPath(path);
            return File.Exists(given) ? new FunctionBuild("aot", given, []) : throw new InvalidOperationException($"No native function at {given} (--aot-path).");
        }

        var executable = Path.Combine(await ImagePublish.RunAsync(Project, "function", cancellationToken), Project);
        return File.Exists(executable)
            ? new FunctionBuild("aot", executable, [])
            : throw new InvalidOperationException($"The native AOT publish of the function left no executable at {executable}.");
    }

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
